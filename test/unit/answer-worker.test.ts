import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { fromWire, sectionPositions, toWire } from '../../src/core/answering/answer-wire.js';
import type { AnswerResult } from '../../src/core/answering/types.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { startAnswerWorker, type AnswerWorker } from '../../src/infra/answer-worker.js';

const vocabulary = loadVocabulary(path.resolve('knowledge/vocabulary'));
const boards = new Map(['oog', 'konot'].map((org) => [org, loadBoardKnowledge(path.resolve('knowledge'), org)]));
type Loaded = ReturnType<typeof loadBoardKnowledge>;
const inputOf = ({ knowledge, ...extras }: Loaded) => ({ org: knowledge.org, knowledge, extras });

const QUESTIONS: Array<[string, string]> = [
  ['oog', 'mag ik een foto van mijn klas op insta zetten?'],
  ['oog', 'een ouder reageert boos op facebook, wat doe ik?'],
  ['oog', 'hoe vraag ik ouderschapsverlof aan?'],
  ['konot', 'mag ik een leerling volgen op tiktok?'],
  ['konot', 'geldt dat sm protocol ook voor mn prive insta?'],
];

function passages(result: AnswerResult) {
  return result.kind === 'answer' ? [result.best, ...result.related] : result.kind === 'unsure' ? result.candidates : [];
}

describe('answers across a thread boundary (answer-wire)', () => {
  it('comes back with the board\'s own Section objects and the same quotes', () => {
    const board = boards.get('oog')!;
    const index = createSearchIndex(board.knowledge, vocabulary, board);
    for (const [, question] of QUESTIONS.filter(([org]) => org === 'oog')) {
      const result = answerQuestion(index, question);
      const wire = toWire(result, sectionPositions(board.knowledge.sections));
      // What crosses is plain data: a structured clone must not change it.
      const back = fromWire(structuredClone(wire), board.knowledge.sections);
      expect(back).toEqual(result);
      passages(back).forEach((p, i) => expect(p.section).toBe(passages(result)[i]!.section));
    }
  });

  it('refuses a section that is not part of the code', () => {
    const board = boards.get('oog')!;
    const stranger = { ...board.knowledge.sections[0]! };
    const result: AnswerResult = { kind: 'unsure', candidates: [{ section: stranger, quote: 'x', citation: 'y' }], confidence: 0.1 };
    expect(() => toWire(result, sectionPositions(board.knowledge.sections))).toThrow(/not part of this board/);
    expect(() => fromWire({ kind: 'unsure', candidates: [{ section: 9999, quote: 'x', citation: 'y' }], confidence: 0.1 }, board.knowledge.sections)).toThrow(/no section at position 9999/);
  });
});

describe('the answer worker', () => {
  let worker: AnswerWorker;
  const crashes: Error[] = [];
  beforeAll(async () => {
    worker = await startAnswerWorker({ vocabulary, boards: [...boards.values()].map(inputOf) }, (e) => crashes.push(e));
  });
  afterAll(async () => worker.close());

  it('answers every board exactly as answering on this thread does, many questions at once', async () => {
    const indexes = new Map([...boards].map(([org, b]) => [org, createSearchIndex(b.knowledge, vocabulary, b)]));
    const asked = await Promise.all(QUESTIONS.map(([org, q]) => worker.answerer(org)(q)));
    asked.forEach((result, i) => {
      const [org, question] = QUESTIONS[i]!;
      expect(result).toEqual(answerQuestion(indexes.get(org)!, question));
      // Cards and the "Bedoel je…?" check compare sections by identity.
      for (const p of passages(result)) expect(boards.get(org)!.knowledge.sections).toContain(p.section);
    });
    expect(asked.map((r) => r.kind)).toContain('answer');
    expect(asked.map((r) => r.kind)).toContain('not_found');
    expect(crashes).toEqual([]);
  });

  it('refuses a board it was not started with', () => {
    expect(() => worker.answerer('kopwerk')).toThrow(/not started with board kopwerk/);
  });
});

describe('the answer worker when its thread fails', () => {
  const entry = new URL('../support/scripted-answer-thread.ts', import.meta.url);
  const input = { vocabulary, boards: [inputOf(boards.get('oog')!)] };

  it('fails only the question that failed, or whose answer does not fit the code', async () => {
    const worker = await startAnswerWorker(input, () => undefined, entry);
    const answer = worker.answerer('oog');
    await expect(answer('fail')).rejects.toThrow(/scripted failure/);
    await expect(answer('stranger')).rejects.toThrow(/no section at position 9999/);
    await expect(answer('abc')).resolves.toEqual({ kind: 'not_found', confidence: 3 });
    await worker.close();
  });

  it('fails the questions under way when the thread dies, says so, and answers the next question with a new thread', async () => {
    const crashes: Error[] = [];
    const worker = await startAnswerWorker(input, (e) => crashes.push(e), entry);
    const answer = worker.answerer('oog');
    const results = await Promise.allSettled([answer('crash'), answer('queued behind the crash')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(crashes.map((e) => e.message)).toEqual(['the answer worker stopped (exit code 3)']);
    await expect(answer('ab')).resolves.toEqual({ kind: 'not_found', confidence: 2 });
    await worker.close();
    await expect(answer('ab')).rejects.toThrow(/closed/);
    // Closing is no crash.
    expect(crashes).toHaveLength(1);
  });

  it('refuses to start when its thread cannot load, saying how to answer without it', async () => {
    const crashes: Error[] = [];
    const broken = startAnswerWorker(input, (e) => crashes.push(e), new URL('../support/broken-answer-thread.ts', import.meta.url));
    await expect(broken).rejects.toThrow(/did not start \(cannot load the answering code\); ANSWER_THREAD=main/);
    // A worker that never started is no crash to report.
    expect(crashes).toEqual([]);
  });
});
