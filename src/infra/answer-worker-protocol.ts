import type { WireAnswer } from '../core/answering/answer-wire.js';
import type { KnowledgeDocument } from '../core/knowledge/types.js';
import type { SearchIndexExtras } from '../core/retrieval/index.js';
import type { Vocabulary } from '../core/retrieval/vocabulary.js';

/** What a board's search index is built from, as loaded on the main thread (plain data: it is copied to the worker). */
export interface AnswerBoardInput {
  org: string;
  knowledge: KnowledgeDocument;
  extras: SearchIndexExtras;
}

export interface AnswerThreadInput {
  boards: AnswerBoardInput[];
  vocabulary: Vocabulary;
}

/** Main thread → worker. */
export interface AnswerRequest {
  id: number;
  org: string;
  question: string;
}

/** Worker → main thread. */
export type AnswerThreadMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; answer: WireAnswer }
  | { type: 'failed'; id: number; message: string };
