import { describe, expect, it } from 'vitest';
import {
  dropArtefactLines, normalizeBullet, resolvePlaceholders, separateRuleNumber, splitGluedWords, stripMarkdown, vocabulary,
} from '../../tools/lib/ingest/repair.js';
import { toBlocks, toItems } from '../../tools/lib/ingest/items.js';
import { splitSentences } from '../../tools/lib/ingest/sentences.js';
import { slugify } from '../../tools/lib/ingest/slug.js';

describe('line repairs', () => {
  it.each([
    ['symbol-font bullet before a placeholder', normalizeBullet('e <<Konotschool>> zet berichtgeving'), '- <<Konotschool>> zet berichtgeving'],
    ['symbol-font bullet before a word', normalizeBullet('e Er zal geen publicatie'), '- Er zal geen publicatie'],
    ['a real word "e" is not a bullet', normalizeBullet('e mail is handig'), 'e mail is handig'],
    ['round bullet glyph', normalizeBullet('• Maak je bronnen kenbaar'), '- Maak je bronnen kenbaar'],
    ['rule number glued to the text', separateRuleNumber('10.KempenKind legt vast'), '10. KempenKind legt vast'],
    ['version numbers stay', separateRuleNumber('Onderwijs 2.0 is'), 'Onderwijs 2.0 is'],
    ['markdown bold', stripMarkdown('1. **Inleiding** - pag. 1'), '1. Inleiding - pag. 1'],
    ['markdown link', stripMarkdown('Het [adviespunt School & Veiligheid](#) en'), 'Het adviespunt School & Veiligheid en'],
    ['escaped brackets in a link', stripMarkdown('- [Digitale veiligheid \\(kennisnet.nl\\)](#)'), '- Digitale veiligheid (kennisnet.nl)'],
    ['placeholders are not links', stripMarkdown('van [naam school]. Van belang'), 'van [naam school]. Van belang'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('splitGluedWords', () => {
  const words = vocabulary('het is haar medewerkers de leerlingen hetgeen geen');
  it.each([
    ['Hetis medewerkers niet toegestaan', 'Het is medewerkers niet toegestaan'],
    ['verwacht van haarmedewerkers dat', 'verwacht van haar medewerkers dat'],
    // A genuine word made of a prefix and a known word stays whole.
    ['hetgeen zij publiceren', 'hetgeen zij publiceren'],
    // Only split when the remainder is a word of the same text.
    ['haarlemmerolie', 'haarlemmerolie'],
    ["typos of the code itself stay: vervuult", 'typos of the code itself stay: vervuult'],
  ])('%s', (input, expected) => {
    expect(splitGluedWords(input, words)).toBe(expected);
  });
});

describe('resolvePlaceholders', () => {
  const placeholders = { '[naam school]': 'de school', '<<Konotschool>>': 'de school', 'xxxxx school': 'school', '[naam directeur]': 'de directeur' };
  it.each([
    ['at the start of a text', '[naam school] onderkent het belang', 'De school onderkent het belang'],
    ['in the middle of a sentence', 'een positief imago van [naam school]. Van belang', 'een positief imago van de school. Van belang'],
    ['printed with a capital', '[Naam school] besteedt aandacht', 'De school besteedt aandacht'],
    ['after a full stop', 'Klaar. [naam school] besteedt', 'Klaar. De school besteedt'],
    ['after a bullet', '- <<Konotschool>> zet berichtgeving', '- De school zet berichtgeving'],
    ['broken over two lines', 'medewerker is van [naam\nschool].', 'medewerker is van de school.'],
    ['template name inside a sentence', 'maakt ook de xxxxx school namelijk', 'maakt ook de school namelijk'],
    ['signature on its own line', 'Met vriendelijke groet,\n[naam directeur]', 'Met vriendelijke groet,\nDe directeur'],
  ])('%s', (_name, input, expected) => {
    expect(resolvePlaceholders(input, placeholders)).toBe(expected);
  });
});

describe('dropArtefactLines', () => {
  it('drops the table of contents, configured page headers and a repeated bare URL, and reports them', () => {
    const lines = [
      'Inhoud:', '', '1. Inleiding - pag. 1', ' 2. Aanleiding - pag. 2', '-', '', '1. Inleiding', '',
      ' Social Media Protocol Konotx*', 'zie http://example.org/a', 'http://example.org/a', '', 'http://example.org/a', 'Tekst.',
    ];
    const { lines: out, dropped } = dropArtefactLines(lines, ['Social Media Protocol Konotx*']);
    expect(dropped.map((d) => [d.line, d.kind])).toEqual([
      [1, 'toc'], [3, 'toc'], [4, 'toc'], [5, 'toc'], [9, 'page-header'], [13, 'repeated-url'],
    ]);
    expect(out.filter((line) => line !== '')).toEqual(['1. Inleiding', 'zie http://example.org/a', 'http://example.org/a', 'Tekst.']);
  });
});

describe('blocks and items', () => {
  it.each([
    ['a blank line after a preposition', 'Als een\nstandpunt van\n\nKonot gepubliceerd wordt, vermeldt de schrijver dit.', 'Als een standpunt van Konot gepubliceerd wordt, vermeldt de schrijver dit.'],
    ['a blank line before a lower-case word', 'Het een ongeschreven regel is om eenmaal geplaatste berichten niet\n\nte verwijderen.', 'Het een ongeschreven regel is om eenmaal geplaatste berichten niet te verwijderen.'],
    ['several blank lines in one sentence', 'Plaats nooit berichten\n\ndie het imago kunnen schaden. Bij twijfel geldt\n\naltijd: niet plaatsen.', 'Plaats nooit berichten die het imago kunnen schaden. Bij twijfel geldt altijd: niet plaatsen.'],
  ])('repairs %s', (_name, text, expected) => {
    const items = toItems(text.split('\n'));
    expect(items).toEqual([{ kind: 'para', text: expected }]);
  });

  it('keeps separate paragraphs apart', () => {
    expect(toBlocks(['Eerste zin.', '', 'Tweede zin.'])).toEqual([['Eerste zin.'], ['Tweede zin.']]);
  });

  it('splits inline bullets into list items', () => {
    const items = toItems(['- Foto’s op een feest. - Tweets van leraren die eindigen met ‘Laterzz XXX... - Te populair', 'taalgebruik.']);
    expect(items.map((item) => item.kind === 'bullet' && item.text)).toEqual([
      'Foto’s op een feest.', 'Tweets van leraren die eindigen met ‘Laterzz XXX...', 'Te populair taalgebruik.',
    ]);
  });

  it('does not split a dash inside a sentence', () => {
    const items = toItems(['5. Je bekleedt - op school, buiten school en online - een voorbeeldfunctie.']);
    expect(items).toEqual([{ kind: 'rule', number: '5', text: 'Je bekleedt - op school, buiten school en online - een voorbeeldfunctie.' }]);
  });

  it('treats an indented line after a finished rule as a new statement', () => {
    const items = toItems(['2. Het is toegestaan kennis te delen.', ' De betrokkene is persoonlijk verantwoordelijk.']);
    expect(items.map((item) => item.kind)).toEqual(['rule', 'para']);
  });

  it('gives a number alone on its line the next paragraph, and numbers a paragraph whose number was lost', () => {
    const items = toItems(['Sancties', '', '1.', '', 'Eerste regel.', '', 'Tweede regel zonder nummer;', ' 3. Derde regel.']);
    expect(items).toEqual([
      { kind: 'heading', level: 'plain', title: 'Sancties' },
      { kind: 'rule', number: '1', text: 'Eerste regel.' },
      { kind: 'rule', number: '2', text: 'Tweede regel zonder nummer;', inferred: true },
      { kind: 'rule', number: '3', text: 'Derde regel.' },
    ]);
  });

  it('recognises numbered, lettered and unnumbered headings', () => {
    const items = toItems(['3.1 Richtlijnen voor medewerkers', '', 'A. Voor alle gebruikers (medewerkers en leerlingen)', '', 'Kennisdeling', '', 'Tekst.']);
    expect(items.map((item) => item.kind === 'heading' && [item.level, item.number])).toEqual([
      ['numbered', '3.1'], ['letter', 'A'], ['plain', undefined], false,
    ]);
  });

  it('keeps a short list of labels with the sentence that introduces it', () => {
    const items = toItems(['Berichten worden uitsluitend geplaatst door:', '', 'CvB', 'Directieleden']);
    expect(items.map((item) => item.kind)).toEqual(['para', 'bullet', 'bullet']);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not at abbreviations', () => {
    expect(splitSentences('Plaats geen materiaal, als je bijv. naaste familie het leest. Dit geldt altijd! Toch? Ja.')).toEqual([
      'Plaats geen materiaal, als je bijv. naaste familie het leest.', 'Dit geldt altijd!', 'Toch?', 'Ja.',
    ]);
  });
});

describe('slugify', () => {
  it.each([
    ['Don’ts:', 'donts'], ['Do’s:', 'dos'], ['Hou privé en werk gescheiden', 'hou-prive'],
    ['Betreft: Privacy van de digitale gegevens van uw kind', 'privacy'], ['In de praktijk:', 'praktijk'],
  ])('%s → %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });
});
