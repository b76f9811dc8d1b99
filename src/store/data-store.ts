import type { Storage } from 'botbuilder';
import type { DoubtStore, StoredDoubt } from '../core/doubts/doubt-store.js';
import type { FeedbackStore } from '../core/shared/feedback.js';
import type { KeyValueStore } from '../core/shared/key-value-store.js';
import type { SharedLocks } from '../core/shared/shared-locks.js';

/** A stored conversation reference (a botbuilder ConversationReference as JSON), for proactive messages. */
export interface ConversationRecord {
  reference: Record<string, unknown>;
  updatedAt: string;
}

/** Which user signs in with a UPN or e-mail address, as Teams' member look-up (or Graph) reported it. */
export interface IdentityRecord {
  /** The user's id (AAD object id). */
  id: string;
  /** When it was last reported. */
  at: string;
}

/** What the bot keeps per user besides onboarding and doubts. */
export interface UserRecord {
  name?: string;
  welcomedAt?: string;
  /** From Teams' member look-up (or Graph): the names a mapping file may use for this user. */
  upn?: string;
  email?: string;
  /** When `upn`/`email` were last looked up; the cache expires after a day. */
  identityCheckedAt?: string;
  /** Fields written by other versions are kept as they are. */
  [key: string]: unknown;
}

/**
 * Everything Mediawijs persists, behind interfaces a server database can implement later.
 * The type parameters let each domain pin its own record shape.
 */
export interface DataStore<D extends StoredDoubt = StoredDoubt, C = ConversationRecord, U = UserRecord, O = unknown> {
  doubts: DoubtStore<D>;
  /** Key: user id. */
  conversations: KeyValueStore<C>;
  /** Key: user id. */
  users: KeyValueStore<U>;
  /** Key: lower-cased UPN or e-mail address → the user's object id (learned by member look-up). */
  identities: KeyValueStore<IdentityRecord>;
  /** Key: user id; the value shape is owned by the onboarding domain. */
  onboarding: KeyValueStore<O>;
  feedback: FeedbackStore;
  /** Key: doubt id → closedAt of closed doubts not yet anonymised; the retention sweep walks it. */
  closedDoubts: KeyValueStore<string>;
  /** botbuilder Storage for teams-ai turn state (eTags as in MemoryStorage). */
  turnState: Storage;
  /** Coordination between instances on a shared database; absent when one process owns the store. */
  readonly locks?: SharedLocks;
  /** Which implementation this is, for GET /healthz. */
  readonly kind?: 'memory' | 'files' | 'postgresql';
  /** For GET /healthz: whether a write can be made right now. Never throws. */
  isWritable(): Promise<boolean>;
  /** Waits for work under way, then releases the data directory. */
  close(): Promise<void>;
}
