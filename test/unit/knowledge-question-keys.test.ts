import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysedQuestions } from '../../src/board/analysed-questions-file.js';
import { listOrgs, loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { analysisFingerprint } from '../../src/core/retrieval/analysed-questions.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { search } from '../../src/core/retrieval/search.js';

const vocabulary = loadVocabulary();

/** What the index analyses itself, by kind and question. */
function freshAnalysis(org: string) {
  const board = loadBoardKnowledge('knowledge', org);
  const fresh = { questions: new Map<string, ReadonlyMap<string, number>>(), outOfScope: new Map<string, ReadonlyMap<string, number>>() };
  createSearchIndex(board.knowledge, vocabulary, { ...board, analysed: undefined, onAnalysed: (kind, text, keys) => fresh[kind].set(text, keys) });
  return { board, fresh };
}

describe('questions analysed by knowledge:build (knowledge/<org>/question-keys.json)', () => {
  it.each(listOrgs('knowledge'))('%s: the file fits its inputs and equals a fresh analysis (run npm run knowledge:build when not)', (org) => {
    const { board, fresh } = freshAnalysis(org);
    expect(board.analysed, 'question-keys.json is missing or malformed').toBeDefined();
    expect(board.analysed!.fingerprint).toBe(analysisFingerprint(board.knowledge, vocabulary, board.questions, board.outOfScope));
    expect(createSearchIndex(board.knowledge, vocabulary, board).analysedAtBuild).toBe(0);
    for (const kind of ['questions', 'outOfScope'] as const) {
      expect([...board.analysed![kind].keys()].sort()).toEqual([...fresh[kind].keys()].sort());
      for (const [text, keys] of fresh[kind]) expect([...board.analysed![kind].get(text)!], text).toEqual([...keys]);
    }
  });

  it('an analysis whose fingerprint no longer fits is not used: the index analyses the questions itself', () => {
    const board = loadBoardKnowledge('knowledge', 'school001');
    // Keys that would send every question elsewhere, under a fingerprint of other inputs.
    const poisoned = new Map([...board.analysed!.questions].map(([text]) => [text, new Map([['onzin', 1]])]));
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
      writeFileSync(path.join(dir, 'oog', 'question-keys.json'), '{"fingerprint": "x", "questions": {"a": [["k", "niet een getal"]]}, "outOfScope": {}}');
      expect(loadAnalysedQuestions(dir, 'oog')).toBeUndefined();
      writeFileSync(path.join(dir, 'oog', 'question-keys.json'), '{ kapot');
      expect(loadAnalysedQuestions(dir, 'oog')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
