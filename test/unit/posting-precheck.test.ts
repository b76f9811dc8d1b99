import { describe, expect, it } from 'vitest';
import { precheckDraft, type FindingKind } from '../../src/core/posting/precheck.js';
import type { FactId } from '../../src/core/posting/types.js';

const context = {
  organisationNames: ['Openbaar Onderwijs Groningen', 'OBS De Starter'],
  swearWords: ['kut*', 'kanker*', 'klootzak', 'rot op', 'idioot'],
};

describe('precheckDraft', () => {
  it.each<[string, string, boolean, FindingKind[], Partial<Record<FactId, boolean>>]>([
    ['mobile number', 'Bel me op 06-12345678 als je vragen hebt.', false, ['phone'], {}],
    ['international number', 'Mijn nummer: +31 6 1234 5678', false, ['phone'], {}],
    ['landline', 'Bel 050-1234567.', false, ['phone'], {}],
    ['e-mail address', 'Mail naar jan.jansen@example.nl voor info.', false, ['email'], {}],
    ['address and postcode', 'Feest op Hoofdstraat 12, 9711 AB Groningen!', false, ['address', 'postcode'], {}],
    ['a year is not a postcode', 'In 2024 en 2025 gaan we door.', false, [], {}],
    ['class photo', 'Wat een leuke dag met mijn klas!', true, ['people'], { about_school: true, recognisable_people: true }],
    ['class text without media', 'Wat een leuke dag met mijn klas!', false, ['people'], { about_school: true }],
    ['school name', 'Trots op OBS De Starter vandaag.', false, ['school-name'], { about_school: true }],
    ['board name in any case', 'nieuws van openbaar onderwijs groningen', false, ['school-name'], { about_school: true }],
    ['confidential', 'Dit is vertrouwelijk: de formatie voor volgend jaar.', false, ['confidential'], { confidential: true }],
    ['internal', 'Interne memo over de begroting', false, ['confidential'], { confidential: true }],
    ['internet is not intern (but found online is someone else\'s work)', 'Leuk filmpje op internet gevonden.', false, [], { others_work: true }],
    ['schuttingtaal', 'Wat een kutdag was het.', false, ['swearing'], { could_harm: true }],
    ['insult phrase', 'Rot op met je regels.', false, ['swearing'], { could_harm: true }],
    ['role stated', 'Op persoonlijke titel: ik vind de staking terecht.', false, ['role', 'opinion'], { role_stated: true, personal_opinion: true, on_behalf_of_school: false }],
    ['harmless private post', 'Mijn nieuwe keuken is klaar!', true, [], {}],
  ])('%s', (_name, text, hasMedia, kinds, proposed) => {
    const result = precheckDraft(text, hasMedia, context);
    expect(result.findings.map((f) => f.kind).sort()).toEqual([...kinds].sort());
    expect(Object.fromEntries(result.proposedFacts.map((p) => [p.fact, p.value]))).toEqual(proposed);
    for (const f of result.findings) expect(f.message).toMatch(/\.$/);
    for (const p of result.proposedFacts) expect(p.reason.length).toBeGreaterThan(10);
  });

  it.each<[string, Partial<Record<FactId, boolean | null>>]>([
    // Negation, also after the word it negates, and "weet niet of".
    ['Ik heb niet vermeld of ik dat als mezelf of namens de school zeg.', { role_stated: false, about_school: true }],
    ['Het bericht heeft niets met school te maken, het gaat over mijn hond.', { about_school: false }],
    ['Mijn bericht gaat niet over school.', { about_school: false }],
    ['Een bericht over de opening van de gymzaal, zonder foto\'s van kinderen.', { about_school: true, recognisable_people: false }],
    ['Een groepsfoto van mijn klas. Ik weet niet of alle ouders toestemming gaven.', { about_school: true, recognisable_people: true, written_consent: null }],
    ['Een foto van mijn kleuters. Ik heb de ouders niets gevraagd.', { about_school: true, recognisable_people: true, written_consent: false }],
    ['Ik ben geen leidinggevende.', { is_leader: false }],
    ['Ik ben directeur en post op het schoolaccount.', { is_leader: true, on_behalf_of_school: true, role_stated: true, about_school: true }],
    ['Een moeder stuurt me een vriendschapsverzoek.', { contact_pupil: true }],
    ['Een vader klaagt onder het bericht. Ik wil reageren.', { reply_to_pupil_or_parent: true }],
    ['Ik wil reageren op een artikel.', {}],
    ['Een cartoon van internet. De tekenaar heb ik niets gevraagd.', { others_work: true, creator_consent: false }],
    ['Ik twijfel of ik het online zet.', { unsure: true }],
  ])('reads "%s"', (text, expected) => {
    const proposed = Object.fromEntries(precheckDraft(text, false, context).proposedFacts.map((p) => [p.fact, p.value]));
    expect(proposed).toEqual(expected);
  });

  it('shows what triggered a finding', () => {
    const [finding] = precheckDraft('Bel 06 12345678', false, context).findings;
    expect(finding?.excerpt).toBe('"06 12345678"');
  });

  it('copes with empty and very long drafts', () => {
    expect(precheckDraft('', false, context)).toEqual({ findings: [], proposedFacts: [] });
    expect(() => precheckDraft('klas '.repeat(50_000), true, context)).not.toThrow();
  });
});
