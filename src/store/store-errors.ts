/**
 * A data file exists but cannot be trusted (bad JSON, wrong shape, unreadable).
 * The store never overwrites such a file; an operator must inspect it.
 */
export class StoreCorruptionError extends Error {
  override readonly name = 'StoreCorruptionError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Data file ${file} is corrupt or unreadable (${reason}). It was left untouched; inspect, restore or remove it, then retry.`);
  }
}

/** Another live process holds the data directory. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly lockFile: string,
    readonly holderPid: number | undefined,
    detail: string,
  ) {
    super(`Data directory is already in use: ${detail} (lock file ${lockFile}). Stop the other process, or give this one its own DATA_DIR.`);
  }
}

/** The store was used after `close()`. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor(dir: string) {
    super(`Data store ${dir} is closed.`);
  }
}

/**
 * The store could not be reached (a database that is down, restarting or out of connections).
 * Nothing was written; the same action may succeed a moment later.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(detail: string) {
    super(`The data store is unavailable right now (${detail}). Nothing was saved; try again shortly.`);
  }
}
