import { describe, expect, it } from 'vitest';
import { splitCompound } from '../../src/core/retrieval/compounds.js';
import { normalizeText, tokenize } from '../../src/core/retrieval/normalize.js';
import { correctTypo, typoBudget } from '../../src/core/retrieval/query.js';
import { stem, wordKeys } from '../../src/core/retrieval/stem.js';
import { isStopword } from '../../src/core/retrieval/stopwords.js';
import { isLowInformation } from '../../src/core/retrieval/index.js';

describe('normalizeText', () => {
  it.each([
    ['Privé', 'prive'],
    ['überhaupt', 'uberhaupt'],
    ["foto's", 'fotos'],
    ['collega’s', 'collegas'],
    ['Ideeën', 'ideeen'],
  ])('%s → %s', (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe('tokenize', () => {
  it.each([
    ['mag een leerling van zn ouders?', ['mag', 'een', 'leerling', 'van', 'zijn', 'ouders']],
    ["m'n oud-leerling", ['mijn', 'oud', 'leerling']],
    ['ipv google', ['in', 'plaats', 'van', 'google']],
    // "sm" is how many teachers write social media; the code-intent patterns and the vocabulary see the full words.
    ['dat sm protocol', ['dat', 'social', 'media', 'protocol']],
    ['ww van de mr zsm', ['wachtwoord', 'van', 'de', 'medezeggenschapsraad', 'zo', 'snel', 'mogelijk']],
    // "geld" for "geldt", the d/t slip that turns the verb into money; money stays money.
    ['of geld dat alleen voor lln?', ['of', 'geldt', 'dat', 'alleen', 'voor', 'leerlingen']],
    ['het geld dat ik krijg', ['het', 'geld', 'dat', 'ik', 'krijg']],
    ['kost tijd en geld', ['kost', 'tijd', 'en', 'geld']],
    // X is Twitter after "op" or "via"; a letter elsewhere stays a letter.
    ['ik zet het op X', ['ik', 'zet', 'het', 'op', 'twitter']],
    ['groep x heeft x keer gevraagd', ['groep', 'x', 'heeft', 'x', 'keer', 'gevraagd']],
  ])('%s', (input, expected) => expect(tokenize(input)).toEqual(expected));
});

describe('stop words', () => {
  it.each(['de', 'mag', 'ik', 'eigenlijk', 'toch', 'voordat', 'nadat'])('%s is a stop word', (w) => expect(isStopword(w)).toBe(true));
  it.each(['foto', 'leerling', 'toestemming', 'online', 'waarvoor'])('%s is content', (w) => expect(isStopword(w)).toBe(false));
});

describe('stemming keys', () => {
  const shares = (a: string, b: string): boolean => wordKeys(a).some((k) => wordKeys(b).includes(k));
  it.each([
    ['fotos', 'foto'],
    ['videos', 'video'],
    ['leerlingen', 'leerling'],
    ['deelt', 'delen'],
    ['gepost', 'posten'],
    ['plaatst', 'plaatsen'],
    ['filmpjes', 'film'],
    ['twijfelt', 'twijfel'],
    ['blijft', 'blijven'],
    ['onveiligheid', 'onveilig'],
  ])('%s ~ %s', (a, b) => expect(shares(a, b)).toBe(true));
  it('keeps unrelated words apart', () => {
    expect(shares('ouders', 'leerling')).toBe(false);
    expect(stem('toestemming')).not.toBe(stem('tijd'));
  });
});

describe('splitCompound', () => {
  const known = new Set(['groep', 'app', 'ouder', 'portaal', 'vriend', 'vriendschap', 'verzoek', 'ziekteverzuim', 'cijfers', 'personeel', 'kamer']);
  const isKnown = (w: string): boolean => known.has(w);
  it.each([
    ['groepsapp', ['groep', 'app']],
    ['ouderportaal', ['ouder', 'portaal']],
    ['vriendschapsverzoek', ['vriendschap', 'verzoek']],
    ['ziekteverzuimcijfers', ['ziekteverzuim', 'cijfers']],
    ['personeelskamer', ['personeel', 'kamer']],
  ])('%s → %j', (word, parts) => expect(splitCompound(word, isKnown)).toEqual(parts));
  it.each(['salaris', 'groepje', 'appgroeppie'])('%s is not split', (word) => expect(splitCompound(word, isKnown)).toBeUndefined());
});

describe('typo tolerance', () => {
  const known = new Map([
    ['toestemming', 3],
    ['instagram', 1],
    ['foto', 5],
    ['leerlingen', 9],
  ]);
  it.each([
    ['toestemmnig', 'toestemming'],
    ['instagarm', 'instagram'],
    ['leerlignen', 'leerlingen'],
  ])('%s → %s', (typo, fixed) => expect(correctTypo(typo, known)).toBe(fixed));
  it.each(['salaris', 'foot', 'rooster', 'later'])('%s is left alone', (w) =>
    expect(correctTypo(w, new Map([...known, ['laster', 2]]))).toBeUndefined(),
  );
  it('allows more edits for longer words', () => {
    expect(typoBudget(4)).toBe(0);
    expect(typoBudget(6)).toBe(1);
    expect(typoBudget(10)).toBe(2);
  });
});

describe('low-information sections', () => {
  it.each([
    ['* Waar het bestuur is vermeld, wordt ook de school bedoeld.', true],
    ['Ten einde verantwoord om te gaan met sociale media hanteren we het volgende beleid:', true],
    ['- Maak je bronnen kenbaar', false],
    ['Dreigtweets van leerlingen.', false],
    ['¹ Tot die tijd staan we communicatie via WhatsApp toe, al raden we het wel af, omdat we dan afhankelijk zijn van privénummers en werk en privé door elkaar lopen.', false],
  ])('%j → %s', (text, expected) => {
    expect(isLowInformation(text)).toBe(expected);
  });
});
