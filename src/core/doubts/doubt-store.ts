/**
 * The fields every storage adapter relies on to index a doubt. The doubts domain
 * (src/core/doubts) extends this with everything else; adapters store the rest as-is.
 */
export interface StoredDoubt {
  id: string;
  /** Stable user id of the asker (Azure AD object id, or the Teams user id in local mode). */
  askerId: string;
  /** Everyone who may currently see/answer it (leidinggevende, deputy, Communicatie). */
  assigneeIds: string[];
  /** False once the doubt is resolved/closed; open doubts are swept for reminders and delivery. */
  open: boolean;
  /**
   * The board it belongs to, in a deployment that serves several (TENANT_ORGS): set by the store's
   * board scope (src/store/board-scope.ts), which shows a board only its own doubts.
   */
  org?: string;
}

/**
 * Persistence for doubts. Implemented with lowdb (src/store) and in memory (tests);
 * a later server database implements the same interface.
 * Every write is durable when the promise resolves.
 */
export interface DoubtStore<D extends StoredDoubt = StoredDoubt> {
  get(id: string): Promise<D | undefined>;
  /** Insert or replace the whole record. */
  put(doubt: D): Promise<void>;
  delete(id: string): Promise<void>;
  listByAsker(askerId: string): Promise<D[]>;
  listByAssignee(assigneeId: string): Promise<D[]>;
  /** All doubts with `open: true`. Bounded by the number of open doubts, not by history. */
  listOpen(): Promise<D[]>;
  /** Every doubt, by id: a full scan, for maintenance tools only (never on a user's turn). */
  listAll(): Promise<D[]>;
}
