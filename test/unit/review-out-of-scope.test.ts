import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/answering/answer.js';
import { createSearchIndex, type SearchIndex } from '../../src/core/retrieval/index.js';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import type { OutOfScopeFile } from '../../tools/lib/review-edits.js';

const root = path.resolve(import.meta.dirname, '../..');
const knowledgeDir = path.join(root, 'knowledge');
const file = JSON.parse(readFileSync(path.join(root, 'test/fixtures/review-out-of-scope.json'), 'utf8')) as OutOfScopeFile;
const vocabulary = loadVocabulary(path.join(knowledgeDir, 'vocabulary'));
const indexes = new Map<string, SearchIndex>();
const indexFor = (org: string): SearchIndex => {
  let index = indexes.get(org);
  if (!index) {
    const { knowledge, ...extras } = loadBoardKnowledge(knowledgeDir, org);
    indexes.set(org, (index = createSearchIndex(knowledge, vocabulary, extras)));
  }
  return index;
};

describe('questions a reviewer marked out of scope (npm run review -- --out-of-scope)', () => {
  it('the file has the eval sets\' shape with unique ids', () => {
    expect(file.version).toBe(1);
    expect(file.out_of_scope.length).toBeGreaterThan(0);
    expect(new Set(file.out_of_scope.map((i) => i.id)).size).toBe(file.out_of_scope.length);
  });

  it('are still declined: the bot never answers them with a quote', () => {
    const answered = file.out_of_scope.filter((item) => answerQuestion(indexFor(item.org), item.question).kind === 'answer');
    expect(answered.map((i) => `${i.id}: ${i.question}`)).toEqual([]);
  });
});
