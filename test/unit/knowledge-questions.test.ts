import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSectionQuestions, validateOutOfScopeQuestions, validateSectionQuestions } from '../../src/core/knowledge/questions.js';
import type { KnowledgeDocument } from '../../src/core/knowledge/types.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { misplacedQuestions } from '../../src/core/retrieval/question-filter.js';
import { search } from '../../src/core/retrieval/search.js';
import { parseBoards } from '../../tools/lib/ingest/board-entry.js';
import { loadBoardKnowledge, loadOutOfScopeQuestions } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { MEASURED_OVERLAP_LIMIT, MEASURED_SETS, measuredOverlap } from '../../tools/lib/measured-sets.js';

const boards = parseBoards(readFileSync('knowledge/boards.yaml', 'utf8')).map((b) => b.org);
const vocabulary = loadVocabulary();
const fold = (q: string) => q.toLowerCase().replace(/\s+/g, ' ').trim();

describe('questions per section (knowledge/<org>/questions.yaml)', () => {
  it.each(boards)('%s: every section has questions, none points to a missing section, none stands twice', (org) => {
    const { knowledge, questions } = loadBoardKnowledge('knowledge', org);
    expect(questions, `knowledge/${org}/questions.yaml is missing`).toBeDefined();
    expect(checkSectionQuestions(knowledge, questions!)).toEqual({ sectionsWithoutQuestions: [], unknownSections: [], duplicates: [] });
    for (const section of knowledge.sections) expect(questions!.bySection.get(section.id)!.length, section.id).toBeGreaterThanOrEqual(3);
  });

  it.each(boards)('%s: the filter holds: no question is answered better by another section', (org) => {
    const board = loadBoardKnowledge('knowledge', org);
    const index = createSearchIndex(board.knowledge, vocabulary, board);
    expect(misplacedQuestions(index, board.questions!).map((m) => `${m.sectionId} → ${m.bestId}: ${m.question}`)).toEqual([]);
  });

  it('no out-of-scope example is also a question some section answers', () => {
    const negatives = new Set(loadOutOfScopeQuestions('knowledge').map(fold));
    expect(negatives.size).toBeGreaterThan(100);
    for (const org of boards) {
      for (const [id, list] of loadBoardKnowledge('knowledge', org).questions!.bySection) {
        for (const q of list) expect(negatives.has(fold(q)), `${id}: ${q}`).toBe(false);
      }
    }
  });
});

describe('checking questions against the code', () => {
  const doc = { org: 't', sections: [{ id: 't:1' }, { id: 't:2' }] } as unknown as KnowledgeDocument;
  it('reports sections without questions, questions of missing sections and questions under two sections', () => {
    const parsed = validateSectionQuestions({ org: 't', sections: { 't:1': ['mag ik een foto plaatsen?'], 't:9': ['Mag ik een  foto plaatsen?'] } });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const questions = parsed.value;
    expect(checkSectionQuestions(doc, questions)).toEqual({
      sectionsWithoutQuestions: ['t:2'],
      unknownSections: ['t:9'],
      duplicates: ['Mag ik een  foto plaatsen? (t:1, t:9)'],
    });
  });
  it('refuses a malformed file with a Dutch message naming the place', () => {
    expect(validateSectionQuestions({ org: 't', sections: { 't:1': [] } })).toEqual({ ok: false, problems: ['sections.t:1: heeft geen vragen'] });
    expect(validateOutOfScopeQuestions({ themes: { apps: [12] } })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^themes\.apps\[0\]: /)] });
  });
});

describe('the nearest-question match', () => {
  // A teacher's question in words the code never uses ("ziek thuis", "fb") finds rule 3
  // (confidential information) through the other questions that rule answers, and not without them.
  const board = loadBoardKnowledge('knowledge', 'kempenkind');
  const asked = 'mag ik op fb zetten dat een collega al weken ziek thuis zit?';
  const others = new Map([...board.questions!.bySection].map(([id, list]) => [id, list.filter((q) => q !== asked)]));
  const rankOf = (extras: Parameters<typeof createSearchIndex>[2]) =>
    search(createSearchIndex(board.knowledge, vocabulary, extras), asked).hits.findIndex((h) => h.indexed.section.id === 'kempenkind:r3') + 1;
  it('ranks a section first by the questions it answers, where its own words rank it far below', () => {
    expect(rankOf({ questions: { org: 'kempenkind', bySection: others } })).toBe(1);
    expect(rankOf({})).toBeGreaterThan(5);
  });

  // Questions of the development pools are stored questions since session 14; a question of a
  // held-out or the public set stored so, or one that differs from it by a word or two, would make
  // those sets measure memory instead of answering.
  it('no stored question or silent example shares 80% of its words with a question of a held-out set or the public set', () => {
    const overlap = measuredOverlap('.');
    const oneMeasured = (JSON.parse(readFileSync(MEASURED_SETS[0], 'utf8')) as { items: { question: string }[] }).items[0]!.question;
    expect(overlap(oneMeasured), 'a measured question itself').toBe(1);
    expect(overlap('mag ik de schoolreis foto in de klassenapp zetten of niet'), 'a question of one\'s own').toBeLessThan(MEASURED_OVERLAP_LIMIT);
    for (const org of boards) {
      const board = loadBoardKnowledge('knowledge', org);
      for (const q of [...[...board.questions!.bySection.values()].flat(), ...board.silent]) {
        expect(overlap(q), `${org}: ${q}`).toBeLessThan(MEASURED_OVERLAP_LIMIT);
      }
    }
  });
});
