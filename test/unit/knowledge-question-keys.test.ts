import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysedQuestions } from '../../src/board/analysed-questions-file.js';
import { listOrgs, loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { analysisFingerprint } from '../../src/core/retrieval/analysed-questions.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analysisOf } from '../../src/core/retrieval/question-index.js';
import { search } from '../../src/core/retrieval/search.js';

const vocabulary = loadVocabulary();

/** What the index analyses itself, by kind. */
function freshAnalysis(org: string) {
  const board = loadBoardKnowledge('knowledge', org);
  const index = createSearchIndex(board.knowledge, vocabulary, { ...board, analysed: undefined });
  return { board, index, fresh: { questions: analysisOf(index.questions), outOfScope: analysisOf(index.outOfScope), silent: analysisOf(index.silent) } };
}

describe('questions analysed by knowledge:build (knowledge/<org>/question-keys.json)', () => {
  it.each(listOrgs('knowledge'))('%s: the file fits its inputs and equals a fresh analysis (run npm run knowledge:build when not)', (org) => {
    const { board, index, fresh } = freshAnalysis(org);
    expect(index.analysedAtBuild).toBe(index.questions.questions.length + index.outOfScope.questions.length + index.silent.questions.length);
    expect(board.analysed, 'question-keys.json is missing or malformed').toBeDefined();
    expect(board.analysed!.fingerprint).toBe(analysisFingerprint(board.knowledge, vocabulary, board.questions, board.outOfScope, board.silent));
    expect(createSearchIndex(board.knowledge, vocabulary, board).analysedAtBuild).toBe(0);
    for (const kind of ['questions', 'outOfScope', 'silent'] as const) {
      expect([...board.analysed![kind].keys()]).toEqual([...fresh[kind].keys()]);
      for (const [key, pairs] of fresh[kind]) expect(board.analysed![kind].get(key), key).toEqual(pairs);
    }
  });

  it('an analysis whose fingerprint no longer fits is not used: the index analyses the questions itself', () => {
    const board = loadBoardKnowledge('knowledge', 'school001');
    // Keys that would send every question elsewhere, under a fingerprint of other inputs.
    const count = [...board.questions!.bySection.values()].reduce((n, qs) => n + qs.length, 0);
    const poisoned = new Map([['onzin', Array.from({ length: count }, (_, q) => [q, 1]).flat()]]);
    const stale = { ...board.analysed!, fingerprint: 'fnv:0000000000000000', questions: poisoned };
    const question = 'mag ik een foto van mijn klas op insta zetten?';
    const used = search(createSearchIndex(board.knowledge, vocabulary, { ...board, analysed: stale }), question).hits.slice(0, 3).map((h) => h.indexed.section.id);
    const plain = search(createSearchIndex(board.knowledge, vocabulary, { ...board, analysed: undefined }), question).hits.slice(0, 3).map((h) => h.indexed.section.id);
    expect(used).toEqual(plain);
    // With a matching fingerprint the poisoned keys would be used: the check is what protects.
    const trusted = search(createSearchIndex(board.knowledge, vocabulary, { ...board, analysed: { ...stale, fingerprint: board.analysed!.fingerprint } }), question);
    expect(trusted.hits[0]!.question).toBeUndefined();
  });

  it('a missing or malformed file gives no analysis', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mw-keys-'));
    try {
      expect(loadAnalysedQuestions(dir, 'oog')).toBeUndefined();
      mkdirSync(path.join(dir, 'oog'));
      writeFileSync(path.join(dir, 'oog', 'question-keys.json'), '{"fingerprint": "x", "questions": [["k", [0, "niet een getal"]]], "outOfScope": []}');
      expect(loadAnalysedQuestions(dir, 'oog')).toBeUndefined();
      writeFileSync(path.join(dir, 'oog', 'question-keys.json'), '{ kapot');
      expect(loadAnalysedQuestions(dir, 'oog')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
