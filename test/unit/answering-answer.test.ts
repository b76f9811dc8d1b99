import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion, BEST_QUOTE_MAX, RELATED_QUOTE_MAX } from '../../src/core/answering/answer.js';
import { STORY_WEIGHT_CAP } from '../../src/core/answering/confidence.js';
import { MIN_QUOTE, selectWindow, sentenceSpans } from '../../src/core/answering/quote.js';
import { analyzeQuery } from '../../src/core/retrieval/query.js';
import { search } from '../../src/core/retrieval/search.js';
import { audiencePrior, MENTIONED_AUDIENCE_PRIOR, OTHER_AUDIENCE_PRIOR } from '../../src/core/retrieval/section-text-match.js';
import type { AnswerResult } from '../../src/core/answering/types.js';
import type { KnowledgeDocument, Section } from '../../src/core/knowledge/types.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { loadBoardKnowledge, loadKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { containsExpected } from '../../tools/lib/eval-scoring.js';
import { relatedPassages } from '../../src/cards/answers/answer-card.js';

const vocabulary = loadVocabulary();

function section(id: string, text: string, heading = 'Richtlijnen'): Section {
  return { id: `t:${id}`, org: 't', headingPath: [heading], audience: ['medewerkers'], text };
}

const longText = [
  'Sociale media horen bij het dagelijks leven van leerlingen en medewerkers.',
  'Deze regels gelden op school en daarbuiten.',
  'Plaats nooit foto\'s of video\'s van leerlingen zonder schriftelijke toestemming van hun ouders.',
  'Reageer altijd rustig en professioneel op berichten van anderen.',
  'Bewaar wachtwoorden goed en deel ze met niemand.',
  'Bij twijfel vraag je advies aan je leidinggevende.',
  'Houd rekening met het auteursrecht van de maker van een afbeelding.',
  'Ga niet in discussie met leerlingen of ouders op sociale media, maar neem liever offline contact op.',
].join(' ');

const doc: KnowledgeDocument = {
  org: 't',
  organisation: 'Testbestuur',
  title: 'Code Sociale Media',
  leaderTerm: 'leidinggevende',
  contentHash: 'x',
  sections: [
    section('lang', longText, 'Algemene afspraken'),
    section('vrienden', 'Word geen vrienden met leerlingen op sociale media en accepteer geen volgverzoeken van leerlingen.', 'Contact met leerlingen'),
    section('vertrouwelijk', 'Publiceer geen vertrouwelijke informatie, zoals ziekteverzuim of interne cijfers, op sociale media.', 'Vertrouwelijkheid'),
  ],
};
const index = createSearchIndex(doc, vocabulary);

describe('quote window', () => {
  it('splits into sentences that each fit', () => {
    const spans = sentenceSpans(longText, 120);
    expect(spans.length).toBeGreaterThan(5);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(120);
  });
  it.each([40, 120, 220])('window of at most %i characters is a verbatim substring', (max) => {
    const spans = sentenceSpans(longText, max);
    const quote = selectWindow(longText, spans, (s) => [longText.slice(s.start, s.end).includes('toestemming') ? 1 : 0], [1], max);
    expect(longText.includes(quote)).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(max);
    expect(quote.length).toBeGreaterThan(0);
  });
});

describe('quote window when no word of the question is in the text', () => {
  it('opens the section instead of quoting its shortest sentence', () => {
    // Found through a stored question: "flirterige berichtjes" shares no word with the rule's text.
    const text = `${'Bij gedrag in strijd met deze code kan de stichting doorverwijzen naar de protocollen. '.repeat(4)}Soms volgt aangifte.`;
    const spans = sentenceSpans(text, 200);
    const quote = selectWindow(text, spans, () => [0, 0], [1, 1], 200, 60);
    expect(text.startsWith(quote)).toBe(true);
    expect(quote).not.toContain('Soms volgt aangifte');
  });
});

describe('quote window never returns a fragment', () => {
  it('grows a tiny best span to at least MIN_QUOTE characters', () => {
    const text = 'Plaats geen berichten over de school, de leerlingen of collega\'s zonder dat je weet wat de gevolgen zijn voor iedereen.';
    const spans = sentenceSpans(text, 40);
    const quote = selectWindow(text, spans, (s) => [text.slice(s.start, s.end).includes('de school,') ? 1 : 0], [1], 120);
    expect(text.includes(quote)).toBe(true);
    expect(quote.length).toBeGreaterThanOrEqual(MIN_QUOTE);
  });
  it.each([
    ['fills up to fillTo around the best match', 200, 220],
    ['never passes maxLength', 400, 220],
  ])('%s', (_name, fillTo, max) => {
    const spans = sentenceSpans(longText, max);
    const hit = (s: { start: number; end: number }): number[] => [longText.slice(s.start, s.end).includes('toestemming') ? 1 : 0];
    const short = selectWindow(longText, spans, hit, [1], max);
    const filled = selectWindow(longText, spans, hit, [1], max, fillTo);
    expect(longText.includes(filled)).toBe(true);
    expect(filled.includes(short)).toBe(true);
    expect(filled.length).toBeGreaterThan(short.length);
    expect(filled.length).toBeLessThanOrEqual(max);
  });
});

const audienceDoc: KnowledgeDocument = {
  org: 'a',
  organisation: 'Audiencebestuur',
  title: 'Code',
  leaderTerm: 'leidinggevende',
  contentHash: 'x',
  sections: [
    { id: 'a:staff', org: 'a', headingPath: ['Medewerkers'], audience: ['medewerkers'], text: 'Verdiep je in de werking van sociale media voordat je ze gebruikt.' },
    { id: 'a:pupil', org: 'a', headingPath: ['Leerlingen'], audience: ['leerlingen'], text: 'Zorg dat je weet hoe sociale media werken voordat je ze gebruikt.' },
    { id: 'a:parents', org: 'a', headingPath: ['Ouders'], audience: ['ouders'], text: 'Ouders weten hoe sociale media werken en praten met hun kind.' },
  ],
};
const audienceIndex = createSearchIndex(audienceDoc, vocabulary);

describe('audience prior', () => {
  it.each([
    ['moet ik weten hoe tiktok werkt voordat ik het gebruik?', 'a:staff'],
    ['moet een leerling weten hoe tiktok werkt voordat hij het gebruikt?', 'a:pupil'],
  ])('%s → %s', (question, id) => {
    const result = answerQuestion(audienceIndex, question);
    expect(result.kind).toBe('answer');
    if (result.kind === 'answer') expect(result.best.section.id).toBe(id);
  });
  it('takes the first person or group named as the subject', () => {
    expect(analyzeQuery(audienceIndex, 'mag ik een groepsapp met ouders beginnen').subject).toBe('medewerkers');
    expect(analyzeQuery(audienceIndex, 'mag een leerling van 14 zonder toestemming van ouders insta hebben').subject).toBe('leerlingen');
    expect(analyzeQuery(audienceIndex, 'ouders vragen of ze foto\'s mogen maken').subject).toBe('ouders');
  });
  it.each([
    [['medewerkers'], 'ik', 1],
    [['leerlingen'], 'ik', OTHER_AUDIENCE_PRIOR],
    [['leerlingen'], 'een leerling', 1],
    [['ouders'], 'ik met ouders', MENTIONED_AUDIENCE_PRIOR],
    [['school'], 'een leerling', 1],
  ] as Array<[string[], string, number]>)('%j asked by "%s" → %s', (audience, who, prior) => {
    expect(audiencePrior(analyzeQuery(audienceIndex, `mag ${who} een foto posten`), audience)).toBe(prior);
  });
});

describe('related passages', () => {
  it('are different sections, verbatim, short, and never repeat the best quote', () => {
    const result = answerQuestion(index, 'mag ik foto\'s van leerlingen op insta zetten of moet ik mijn leidinggevende om advies vragen?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.related.length).toBeLessThanOrEqual(2);
    const ids = [result.best.section.id, ...result.related.map((r) => r.section.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of result.related) {
      expect(r.section.text.includes(r.quote)).toBe(true);
      expect(result.best.quote.includes(r.quote)).toBe(false);
    }
  });

  // konot says "don't argue with a parent online" twice; in a long story the second (which adds "neem
  // liever offline contact op") scores as high but covers too little on its own to count as an answer.
  it('include a near tie with the best even when it covers little of a long story', () => {
    const { knowledge, ...extras } = loadBoardKnowledge('knowledge', 'konot');
    const konot = createSearchIndex(knowledge, vocabulary, extras);
    const result = answerQuestion(
      konot,
      'een vader zit op de fb pagina van school heel fel te reageren op de nieuwe gymregels en ik word er met naam in genoemd. moet ik daar terugschrijven om het uit te leggen of hem bellen?',
    );
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect([result.best, ...result.related].map((p) => p.section.id)).toContain('konot:donts.4');
  });
});

describe('answerQuestion', () => {
  const cases: Array<[string, string, string]> = [
    ['mag ik een foto van de klas op insta zetten?', 't:lang', 'schriftelijke toestemming'],
    ['een leerling stuurt me een volgverzoek, accepteren?', 't:vrienden', 'Word geen vrienden'],
    ['mag ik de ziekteverzuimcijfers in een fb groep zetten?', 't:vertrouwelijk', 'vertrouwelijke informatie'],
  ];
  it.each(cases)('%s → %s', (question, id, phrase) => {
    const result = answerQuestion(index, question);
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.best.section.id).toBe(id);
    expect(result.best.section.text.includes(result.best.quote)).toBe(true);
    expect(result.best.quote.length).toBeLessThanOrEqual(BEST_QUOTE_MAX);
    expect(result.best.quote).toContain(phrase);
    expect(result.best.citation).toContain('Testbestuur, Code Sociale Media');
    for (const r of result.related) {
      expect(r.section.id).not.toBe(id);
      expect(r.section.text.includes(r.quote)).toBe(true);
      expect(r.quote.length).toBeLessThanOrEqual(RELATED_QUOTE_MAX);
    }
  });

  it.each([
    '',
    '   ',
    'asdfgh qwerty zxcvb',
    'wanneer wordt het salaris overgemaakt?',
    'hoe vraag ik ouderschapsverlof aan?',
    'mag ik mijn lesrooster ruilen met een collega?',
  ])('declines %j', (question) => {
    expect(answerQuestion(index, question).kind).toBe('not_found');
  });
});

interface EvalSet {
  items: Array<{ org: string; question: string; expect: string[] }>;
  out_of_scope: Array<{ org: string; question: string }>;
}

function reply(result: AnswerResult): string {
  if (result.kind !== 'answer') return '';
  return [result.best.quote, result.best.citation, ...result.related.flatMap((p) => [p.quote, p.citation])].join('\n');
}

function score(set: EvalSet): { answered: number; declined: number } {
  const indexes = new Map<string, ReturnType<typeof createSearchIndex>>();
  const get = (org: string) => {
    let i = indexes.get(org);
    if (!i) {
      const { knowledge, ...extras } = loadBoardKnowledge('knowledge', org);
      indexes.set(org, (i = createSearchIndex(knowledge, vocabulary, extras)));
    }
    return i;
  };
  const answered = set.items.filter((it) => containsExpected(reply(answerQuestion(get(it.org), it.question)), it.expect)).length;
  // "Bedoel je…?" quotes nothing, so it declines as the official eval counts it.
  const declined = set.out_of_scope.filter((it) => answerQuestion(get(it.org), it.question).kind !== 'answer').length;
  return { answered: answered / set.items.length, declined: declined / set.out_of_scope.length };
}

const devSet = JSON.parse(readFileSync('test/fixtures/dev-questions.json', 'utf8')) as EvalSet;

describe('questions told as a story', () => {
  const board = loadBoardKnowledge('knowledge', 'oog');
  const index = createSearchIndex(board.knowledge, vocabulary, board);
  it('are answered when a passage covers their point, though most of their words are context', () => {
    const story =
      'gisteravond na de ouderavond stuurde de moeder van een jongen uit mijn mentorklas me een vriendschapsverzoek op facebook, ze is echt aardig en we kletsen vaak bij het fietsenhok, moet ik dat nou accepteren of niet';
    expect(answerQuestion(index, story).kind).toBe('answer');
    const result = search(index, story);
    expect(result.unitWeights.reduce((a, b) => a + b, 0)).toBeGreaterThan(STORY_WEIGHT_CAP);
  });
  it('out of scope stays out of scope, however long the story', () => {
    const trip =
      'gisteren op de ouderavond vroeg een vader hoe laat de bus voor het schoolreisje naar de efteling vertrekt, wie er als begeleider meegaan en of zijn dochter haar eigen lunch mee moet nemen, weet jij dat';
    expect(answerQuestion(index, trip).kind).toBe('not_found');
  });
});

describe('quality on the evaluation sets (real knowledge)', () => {
  // Floors are what each set reaches now, less about one question, so a regression fails. The
  // held-out sets are never tuned on: their floors only catch regressions, they are not targets.
  // The dev sets' questions are stored knowledge since session 14: their rows only catch a
  // knowledge change that loses questions the bot was given.
  const set = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as EvalSet;
  // [set, file, measured answered / declined when the floor was set, floor answered, floor declined]
  it.each([
    ['public set', '../shared/eval/qa-public.json', '0.96 / 1.0', 0.94, 0.95],
    ['own dev set 2, tricky out-of-scope questions', 'test/fixtures/dev-2-questions.json', '0.96 / 0.96', 0.94, 0.94],
    ['own dev set 3, stories and questions about the code', 'test/fixtures/dev-3-questions.json', '0.97 / 0.89', 0.95, 0.85],
    ['own dev set 4, studied in session 4', 'test/fixtures/dev-4-questions.json', '0.97 / 1.0', 0.96, 0.97],
    ['own dev set 5, studied in session 6', 'test/fixtures/dev-5-questions.json', '0.97 / 1.0', 0.96, 0.93],
    ['held-out set', 'test/fixtures/holdout-questions.json', '0.94 / 0.92', 0.91, 0.83],
    ['held-out set 2', 'test/fixtures/holdout-2-questions.json', '0.93 / 0.96', 0.92, 0.92],
    ['held-out set 3', 'test/fixtures/holdout-3-questions.json', '0.99 / 0.93', 0.98, 0.89],
    ['held-out set 4', 'test/fixtures/holdout-4-questions.json', '0.97 / 1.0', 0.96, 0.97],
    ['held-out set 5', 'test/fixtures/holdout-5-questions.json', '1.0 / 1.0', 0.99, 0.96],
    ['held-out set 6', 'test/fixtures/holdout-6-questions.json', '0.99 / 1.0', 0.98, 0.97],
    ['held-out set 7', 'test/fixtures/holdout-7-questions.json', '0.96 / 0.97', 0.95, 0.94],
    ['held-out set 12', 'test/fixtures/holdout-12-questions.json', '0.99 / 1.0', 0.98, 0.97],
    ['held-out set 16 (written at the start of session 14)', 'test/fixtures/holdout-16-questions.json', '0.95 / 0.80', 0.94, 0.77],
    ['held-out set 15 (near-domain out-of-scope questions are its weak side)', 'test/fixtures/holdout-15-questions.json', '0.96 / 0.85', 0.95, 0.82],
    ['held-out set 14', 'test/fixtures/holdout-14-questions.json', '0.96 / 1.0', 0.95, 0.97],
    ['held-out set 13', 'test/fixtures/holdout-13-questions.json', '0.94 / 0.97', 0.93, 0.94],
    ['dev-18 (slanted pool written and studied in session 13)', 'test/fixtures/dev-18-questions.json', '0.92 / 0.78', 0.91, 0.75],
    ['dev-17 (near-domain out-of-scope pool with look-alikes, session 13)', 'test/fixtures/dev-17-questions.json', '1.0 / 0.58', 0.97, 0.57],
    ['dev-16 (slanted pool written and studied in session 13)', 'test/fixtures/dev-16-questions.json', '0.92 / 0.61', 0.91, 0.6],
    ['dev-15 (slanted pool written and studied in session 12)', 'test/fixtures/dev-15-questions.json', '0.94 / 1.0', 0.93, 0.97],
    ['dev-14 (slanted pool written and studied in session 12)', 'test/fixtures/dev-14-questions.json', '0.94 / 0.94', 0.93, 0.91],
    ['dev-13 (slanted pool written and studied in session 12)', 'test/fixtures/dev-13-questions.json', '0.94 / 0.92', 0.93, 0.88],
    ['dev-12 (slanted pool written and studied in session 12)', 'test/fixtures/dev-12-questions.json', '0.92 / 1.0', 0.92, 0.97],
    ['dev-11 (slanted pool written and studied in session 11)', 'test/fixtures/dev-11-questions.json', '0.95 / 0.97', 0.94, 0.94],
    ['dev-10 (slanted pool written and studied in session 11)', 'test/fixtures/dev-10-questions.json', '0.91 / 0.94', 0.9, 0.91],
    ['dev-9 (slanted pool written and studied in session 11)', 'test/fixtures/dev-9-questions.json', '0.93 / 0.91', 0.92, 0.88],
    ['dev-7 (slanted pool written and studied in session 10)', 'test/fixtures/dev-7-questions.json', '0.97 / 0.97', 0.96, 0.94],
    ['dev-6 (slanted pool written and studied in session 10)', 'test/fixtures/dev-6-questions.json', '0.96 / 1.0', 0.95, 0.96],
    ['own dev set 9 (held-out set 11, studied in session 10)', 'test/fixtures/holdout-11-questions.json', '0.96 / 1.0', 0.95, 0.97],
    ['own dev set 8 (held-out set 10, studied in session 9)', 'test/fixtures/holdout-10-questions.json', '0.95 / 1.0', 0.94, 0.96],
    ['own dev set 7 (held-out set 9, studied in session 8)', 'test/fixtures/holdout-9-questions.json', '0.98 / 1.0', 0.97, 0.96],
    ['own dev set 6 (held-out set 8, studied in session 7)', 'test/fixtures/holdout-8-questions.json', '0.98 / 0.97', 0.97, 0.94],
  ] as const)('%s (%s, measured %s): answered and declined stay at their floors', (_name, file, _measured, answered, declined) => {
    const s = score(set(file));
    expect(s.answered).toBeGreaterThanOrEqual(answered);
    expect(s.declined).toBeGreaterThanOrEqual(declined);
  });
  it('own dev set (measured 0.97, 1.0)', () => {
    const s = score(devSet);
    expect(s.answered).toBeGreaterThanOrEqual(0.95);
    expect(s.declined).toBeGreaterThanOrEqual(0.97);
  });
});

describe('related passage buttons', () => {
  const plain = (id: string, text: string, headingPath: string[], rule?: string): Section => ({
    id: `t:${id}`,
    org: 't',
    headingPath,
    audience: ['medewerkers'],
    text,
    ...(rule ? { rule } : {}),
  });
  const title = (s: Section): string => {
    const [, set] = relatedPassages([{ quote: s.text, citation: 'Testbestuur', section: s }]) as [unknown, { actions: Array<{ title: string }> }];
    return set.actions[0]!.title;
  };
  it.each([
    // Named by what the passage says, not by where it is ("Beeldmateriaal", "3.2 regel 9").
    ['heading', plain('a', 'Plaats geen foto van leerlingen zonder toestemming.', ['Richtlijnen', 'Beeldmateriaal']), 'Plaats geen foto van leerlingen…'],
    ['rule under a numbered heading', plain('b', 'Deel geen wachtwoorden.', ['3.2 Richtlijnen voor leerlingen'], '9'), 'Regel 9 · Deel geen wachtwoorden.'],
    ['rule without heading', plain('c', 'Deel geen wachtwoorden.', [], '4'), 'Regel 4 · Deel geen wachtwoorden.'],
    ['no heading: the first words', plain('d', 'Social Media zijn niet meer weg te denken in onze maatschappij en dus ook niet op school.', []), 'Social Media zijn niet meer weg te…'],
    ['no heading, list bullet dropped', plain('e', '- Maak je bronnen kenbaar', []), 'Maak je bronnen kenbaar'],
  ])('%s', (_name, s, expected) => {
    expect(title(s)).toBe(expected);
    expect(title(s).length).toBeLessThanOrEqual(36);
  });
  it('never falls back to the bare word "Passage" on the real codes', () => {
    for (const org of ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001']) {
      for (const s of loadKnowledge('knowledge', org).sections) expect(title(s)).not.toBe('Passage');
    }
  });
});
