import type { Storage } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { AnswerResult } from '../core/answering/types.js';
import type { KnowledgeDocument } from '../core/knowledge/types.js';
import type { Clock, IdGenerator } from '../core/shared/clock.js';
import type { KeyValueStore } from '../core/shared/key-value-store.js';
import type { FeedbackStore } from '../core/shared/feedback.js';
import type { Logger } from '../infra/logger.js';

/** An answer given in this conversation, kept so feedback buttons need not carry the question. */
export interface RememberedAnswer {
  id: string;
  question: string;
  sectionId?: string;
  found: boolean;
  at: string;
}

export interface ConversationState {
  answers?: RememberedAnswer[];
  [key: string]: unknown;
}

export interface UserState {
  [key: string]: unknown;
}

export type AppTurnState = TurnState<ConversationState, UserState>;

/** A stored conversation reference, needed to write to a user proactively. */
export interface ConversationRecord {
  reference: Record<string, unknown>;
  updatedAt: string;
}

/** Everything the bot needs; the composition root passes real adapters, tests pass fakes. */
export interface AppDeps {
  config: Config;
  knowledge: KnowledgeDocument;
  answer(question: string): AnswerResult;
  turnState: Storage;
  feedback: FeedbackStore;
  conversations: KeyValueStore<ConversationRecord>;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
}
