import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysedQuestionsFile, serializeAnalysedQuestions } from '../../src/board/analysed-questions-file.js';
import { loadBoardKnowledge } from '../../src/board/board-files.js';
import { loadVocabulary } from '../../src/board/shared-lists.js';
import { analysisFingerprint } from '../../src/core/retrieval/analysed-questions.js';
import { createSearchIndex } from '../../src/core/retrieval/index.js';
import { analysisOf } from '../../src/core/retrieval/question-index.js';

/**
 * Writes knowledge/<org>/question-keys.json: every stored and out-of-scope question analysed as the
 * index does it, so the server need not analyse them again at start-up. Run by knowledge:build and
 * after `npm run review -- --link` adds a question.
 */
export function writeQuestionKeys(knowledgeDir: string, org: string): { file: string; questions: number; outOfScope: number } {
  const { knowledge, questions, outOfScope, silent } = loadBoardKnowledge(knowledgeDir, org);
  const vocabulary = loadVocabulary(join(knowledgeDir, 'vocabulary'));
  const index = createSearchIndex(knowledge, vocabulary, { questions, outOfScope, silent });
  const file = analysedQuestionsFile(knowledgeDir, org);
  writeFileSync(
    file,
    serializeAnalysedQuestions({
      fingerprint: analysisFingerprint(knowledge, vocabulary, questions, outOfScope, silent),
      questions: analysisOf(index.questions),
      outOfScope: analysisOf(index.outOfScope),
      silent: analysisOf(index.silent),
    }),
  );
  return { file, questions: index.questions.questions.length, outOfScope: index.outOfScope.questions.length };
}
