import type { TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { AnswerResult } from '../core/answering/types.js';
import type { Clock, IdGenerator } from '../core/shared/clock.js';
import type { OnboardingProgress } from '../core/onboarding/progress-types.js';
import type { DoubtService } from '../core/doubts/doubt-service.js';
import type { Doubt, DoubtCase } from '../core/doubts/types.js';
import type { PostingSession } from '../core/posting/session.js';
import type { ConversationRecord, DataStore, UserRecord } from '../store/data-store.js';
import type { Logger } from '../infra/logger.js';
import type { ShortAnswerer } from '../core/ai/short-answer.js';
import type { Board } from '../board/board.js';

/** An answer given in this conversation, kept so feedback buttons need not carry the question. */
export interface RememberedAnswer {
  id: string;
  question: string;
  sectionId?: string;
  /** The sections "Bedoel je…?" offered: the only ones a click on that card may open. */
  candidates?: string[];
  found: boolean;
  at: string;
}

/** A doubt being written, kept in conversation state so the posting case never travels in card data. */
export interface DoubtDraft {
  id: string;
  at: string;
  case?: DoubtCase;
  /** Set once sent, so a second click on "Verstuur" does not send it twice. */
  sentDoubtId?: string;
}

/** Everything a conversation keeps between turns; all of it is erased by "verwijder mijn gegevens". */
export interface ConversationState {
  answers?: RememberedAnswer[];
  /** The "Mag ik dit posten?" check in progress (or its outcome, for the hand-over). */
  posting?: PostingSession;
  doubtDrafts?: DoubtDraft[];
}

export interface UserState {
  [key: string]: unknown;
}

export type AppTurnState = TurnState<ConversationState, UserState>;

export type AppStore = DataStore<Doubt, ConversationRecord, UserRecord, OnboardingProgress>;

/** How the sender's UPN/e-mail is found: time-out, cache and Graph fallback (see src/teams/member-identity.ts). */
export interface IdentityOptions {
  timeoutMs?: number;
  ttlMs?: number;
  retryMs?: number;
  /** Graph's `/users/{id}`, when GRAPH_* settings are configured. */
  graph?: { getUser(id: string): Promise<{ upn?: string; email?: string; name?: string } | undefined> };
}

/** Everything the bot needs; the composition root passes real adapters, tests pass fakes. */
export interface AppDeps {
  config: Config;
  /** The board this bot serves: its name, words, code, posting model, course and leidinggevende mapping. */
  board: Board;
  /** Answers a question from the board's code (retrieval over `board.knowledge`). */
  answer(question: string): Promise<AnswerResult>;
  store: AppStore;
  /** The draft pre-check's shared lists: schuttingtaal, and names besides the board's own that count as organisations. */
  posting: { swearWords: string[]; extraNames: string[] };
  /** The reviewed first names the check before a doubt is sent knows (dialogs/shared/voornamen.yaml). */
  privacy?: { firstNames: readonly string[] };
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  /** "Twijfels naar de leidinggevende": the pure doubts domain over `store.doubts`. */
  doubts: DoubtService;
  /** Optional AI answers ("Kort gezegd: …") above the quote; absent (the default) = the quote alone. */
  shortAnswer?: ShortAnswerer;
  /** Pace of a streamed short answer in Teams (default: Teams' one request a second); tests go faster. */
  streamIntervalMs?: number;
  /** Member look-up settings; the defaults suit production. */
  identity?: IdentityOptions;
  /** The tenants this board serves when one deployment serves several (TENANT_ORGS); default: every allowed tenant. */
  tenants?: readonly string[];
}
