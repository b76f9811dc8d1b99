import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { groupForReview, normaliseQuestion } from '../../src/core/learning/review.js';
import type { Feedback } from '../../src/core/shared/feedback.js';
import { expireLearningRecords } from '../../src/core/learning/retention.js';
import { MemoryFeedbackStore } from '../support/memory-store/memory-feedback-store.js';
import { addOutOfScope, linkQuestion, OUT_OF_SCOPE_DESCRIPTION, ReviewEditError } from '../../tools/lib/review-edits.js';

let n = 0;
const record = (verdict: Feedback['verdict'], question: string, at: string, extra: Partial<Feedback> = {}): Feedback => ({
  id: `r${++n}`,
  at,
  org: 'oog',
  question,
  verdict,
  ...(verdict === 'up' || verdict === 'down' || verdict === 'not_found' ? { userId: 'u1' } : {}),
  ...extra,
});

describe('grouping questions for review', () => {
  const records: Feedback[] = [
    record('unanswered', 'Wie heeft de code gemaakt?', '2026-01-02T10:00:00Z'),
    record('not_found', 'Wie heeft de code gemaakt?', '2026-01-02T10:00:05Z'),
    record('unsure', 'wie heeft de code gemaakt', '2026-01-03T10:00:00Z', { candidates: ['oog:4.1.p7', 'oog:4.1.p1'] }),
    record('chosen', 'wie heeft de code gemaakt', '2026-01-03T10:00:10Z', { sectionId: 'oog:4.1.p7' }),
    record('unsure', 'WIE heeft  de code gemaakt!!', '2026-01-04T10:00:00Z', { candidates: ['oog:4.1.p7'] }),
    record('down', 'mag ik een selfie met mijn klas?', '2026-01-05T10:00:00Z', { sectionId: 'oog:3.1.8' }),
    record('down', 'mag ik een selfie met mijn klas', '2026-01-06T10:00:00Z', { sectionId: 'oog:3.1.8' }),
    record('unanswered', 'wanneer is de studiedag', '2026-01-07T10:00:00Z'),
    record('up', 'mag ik een foto delen', '2026-01-07T11:00:00Z', { sectionId: 'oog:3.1.8' }),
    record('unanswered', 'andere stichting', '2026-01-07T12:00:00Z', { org: 'konot' }),
    record('unanswered', '', '2026-01-08T10:00:00Z'),
  ];

  it('puts wordings that differ only in case and punctuation together, most asked first, 👍 and other boards left out', () => {
    const groups = groupForReview(records, { org: 'oog' });
    expect(groups.map((g) => [g.key, g.asked])).toEqual([
      ['wie heeft de code gemaakt', 3],
      ['mag ik een selfie met mijn klas', 2],
      ['wanneer is de studiedag', 1],
    ]);
    const [made, selfie] = groups;
    // One ask with a 👎 on the not-found card, and a choice after "Bedoel je…?", count once each.
    expect(made).toMatchObject({ verdicts: { unanswered: 1, not_found: 1, unsure: 2, chosen: 1 }, chosen: [{ sectionId: 'oog:4.1.p7', count: 1 }] });
    expect(made!.question).toBe('WIE heeft  de code gemaakt!!');
    expect(made!.firstAt).toBe('2026-01-02T10:00:00Z');
    expect(selfie).toMatchObject({ verdicts: { down: 2 }, downvoted: [{ sectionId: 'oog:3.1.8', count: 2 }] });
  });

  it('keeps only records since a moment', () => {
    const groups = groupForReview(records, { org: 'oog', since: new Date('2026-01-05T00:00:00Z') });
    expect(groups.map((g) => g.key)).toEqual(['mag ik een selfie met mijn klas', 'wanneer is de studiedag']);
  });

  it('breaks ties by the most recent question', () => {
    const groups = groupForReview([record('unanswered', 'a', '2026-01-01T00:00:00Z'), record('unanswered', 'b', '2026-02-01T00:00:00Z')], { org: 'oog' });
    expect(groups.map((g) => g.key)).toEqual(['b', 'a']);
  });

  it('normalises questions without losing the redaction placeholders', () => {
    expect(normaliseQuestion('  Mag   ik dít? Bel [telefoonnummer verwijderd]! ')).toBe('mag ik dít bel [telefoonnummer verwijderd]');
  });
});

describe('linking a question to a section in questions.yaml', () => {
  // A copy of the real file's text: the edit is pure, the real file is never written.
  const original = readFileSync(new URL('../../knowledge/oog/questions.yaml', import.meta.url), 'utf8');
  const ids = new Set(Object.keys((parse(original) as { sections: Record<string, string[]> }).sections));

  it('adds the question after the last one of its section, JSON-quoted, and nothing else changes', () => {
    const { text, added } = linkQuestion(original, 'oog:1.p2', 'wie heeft die code eigenlijk "gemaakt"?', ids);
    expect(added).toBe(true);
    const before = original.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length + 1);
    const inserted = after.findIndex((line, i) => line !== before[i]);
    expect(after[inserted]).toBe('    - "wie heeft die code eigenlijk \\"gemaakt\\"?"');
    expect(after[inserted + 1]).toMatch(/^ {2}"oog:1\.p3":$/);
    expect([...after.slice(0, inserted), ...after.slice(inserted + 1)]).toEqual(before);
    const parsed = parse(text) as { sections: Record<string, string[]> };
    expect(parsed.sections['oog:1.p2']!.at(-1)).toBe('wie heeft die code eigenlijk "gemaakt"?');
  });

  it('adds to the last section of the file and to a section that has no questions yet', () => {
    const lastId = [...ids].at(-1)!;
    expect((parse(linkQuestion(original, lastId, 'nog een vraag', ids).text) as { sections: Record<string, string[]> }).sections[lastId]!.at(-1)).toBe('nog een vraag');
    const text = linkQuestion('org: oog\nsections:\n  "oog:1.p1":\n    - "wat is sociale media"\n', 'oog:9.1', 'nieuwe vraag', new Set(['oog:1.p1', 'oog:9.1'])).text;
    expect(text).toBe('org: oog\nsections:\n  "oog:1.p1":\n    - "wat is sociale media"\n  "oog:9.1":\n    - "nieuwe vraag"\n');
  });

  it('does not add a duplicate and refuses a question kept under another section', () => {
    const existing = (parse(original) as { sections: Record<string, string[]> }).sections['oog:1.p1']![0]!;
    expect(linkQuestion(original, 'oog:1.p1', `${existing.toUpperCase()}?`, ids)).toEqual({ text: original, added: false });
    expect(() => linkQuestion(original, 'oog:1.p2', existing, ids)).toThrow(/staat al bij sectie "oog:1.p1"/);
  });

  it('refuses an unknown section id and an empty question with a clear message', () => {
    expect(() => linkQuestion(original, 'oog:99.9', 'vraag', ids)).toThrow(ReviewEditError);
    expect(() => linkQuestion(original, 'oog:99.9', 'vraag', ids)).toThrow(/Onbekende sectie "oog:99.9"/);
    expect(() => linkQuestion(original, 'oog:1.p1', '   ', ids)).toThrow(/leeg/);
  });
});

describe('keeping a question as an out-of-scope example', () => {
  it('creates the file, numbers the ids per board and skips a duplicate', () => {
    const first = addOutOfScope(undefined, 'oog', 'wanneer  is de studiedag?');
    expect(JSON.parse(first.text)).toEqual({
      version: 1,
      description: OUT_OF_SCOPE_DESCRIPTION,
      items: [],
      out_of_scope: [{ id: 'review-oos-oog-1', org: 'oog', question: 'wanneer is de studiedag?' }],
    });
    const second = addOutOfScope(first.text, 'oog', 'hoe reserveer ik het digibord');
    const third = addOutOfScope(second.text, 'konot', 'wanneer is de studiedag?');
    expect((JSON.parse(third.text) as { out_of_scope: { id: string }[] }).out_of_scope.map((i) => i.id)).toEqual(['review-oos-oog-1', 'review-oos-oog-2', 'review-oos-konot-1']);
    expect(addOutOfScope(third.text, 'oog', 'Wanneer is de studiedag')).toEqual({ text: third.text, added: false });
  });
});

describe('retention of the questions kept for review', () => {
  it('empties the question of learning records older than RETENTION_MONTHS, once, and leaves reactions alone', async () => {
    const store = new MemoryFeedbackStore();
    await store.add(record('unanswered', 'oude vraag', '2025-01-01T00:00:00.000Z'));
    await store.add(record('chosen', 'oude keuze', '2025-01-02T00:00:00.000Z', { sectionId: 'oog:3.1.8' }));
    await store.add(record('down', 'oude 👎', '2025-01-03T00:00:00.000Z', { sectionId: 'oog:3.1.8' }));
    await store.add(record('unsure', 'recente vraag', '2026-06-01T00:00:00.000Z', { candidates: ['oog:1.p1'] }));
    const now = new Date('2026-06-15T00:00:00.000Z');
    expect(await expireLearningRecords(store, now, 12)).toBe(2);
    expect((await store.list()).map((f) => [f.verdict, f.question, f.sectionId])).toEqual([
      ['unanswered', '', undefined],
      ['chosen', '', 'oog:3.1.8'],
      ['down', 'oude 👎', 'oog:3.1.8'],
      ['unsure', 'recente vraag', undefined],
    ]);
    expect(await expireLearningRecords(store, now, 12)).toBe(0);
    // Emptied questions no longer show up for review.
    expect(groupForReview(await store.list(), { org: 'oog' }).map((g) => g.question)).toEqual(['recente vraag', 'oude 👎']);
  });
});
