import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { IdGenerator } from '../core/shared/clock.js';
import { assertKeys, eTagConflictError, mayOverwrite } from './etag-storage.js';
import { encodeKey } from './key-encoding.js';
import type { JournalView } from './journal.js';
import type { Lifecycle } from './lifecycle.js';
import { RecordCollection } from './record-collection.js';

const isItem = (value: unknown): value is StoreItem => typeof value === 'object' && value !== null;

/**
 * botbuilder Storage for teams-ai turn state: one file per storage key, because
 * turn state is written on every message. eTags behave as in MemoryStorage.
 *
 * teams-ai saves the state at the end of the turn, after the reply went out, and the HTTP request
 * ends when the save does. With a journal, a write is therefore taken at once (the next turn reads
 * it from memory) and committed in the background: the request does not wait for the disk flush,
 * which would protect nothing, since the user saw the reply before the save started either way. A
 * crash can lose the last moments of conversation state (remembered answers for the feedback
 * buttons, a posting check's step, a doubt draft), never a doubt or any other record; a write the
 * journal refuses is dropped, and the conversation goes on from the state before it.
 */
export class FileTurnStateStorage implements Storage {
  readonly #records: RecordCollection<StoreItem>;

  constructor(
    root: string,
    private readonly lifecycle: Lifecycle,
    private readonly newETag: IdGenerator = randomUUID,
    private readonly journal?: JournalView,
  ) {
    this.#records = new RecordCollection<StoreItem>(root, isItem, journal);
  }

  read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    return this.lifecycle.run(async () => {
      const items: StoreItems = {};
      const values = await Promise.all(keys.map((key) => this.#records.get(key)));
      keys.forEach((key, i) => {
        if (values[i] !== undefined) items[key] = values[i];
      });
      return items;
    });
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    return this.lifecycle.run(async () => {
      const results = await Promise.allSettled(Object.entries(changes).map(([key, item]) => this.#writeOne(key, item as StoreItem)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
  }

  delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    return this.lifecycle.run(async () => {
      await Promise.all(
        keys.map((key) =>
          this.#records.exclusive(encodeKey(key), async () => {
            await this.#records.get(key);
            // Committed after any write still under way for this key, so it cannot come back.
            await this.#records.delete(key);
          }),
        ),
      );
    });
  }

  #writeOne(key: string, item: StoreItem): Promise<void> {
    return this.#records.exclusive(encodeKey(key), async () => {
      const stored = await this.#records.get(key);
      if (!mayOverwrite(stored, item)) throw eTagConflictError(key);
      const next: StoreItem = { ...item, eTag: this.newETag() };
      if (!this.journal) {
        await this.#records.put(key, next);
        return;
      }
      // The journal has the change queued before this write resolves, so closing the store (which
      // waits for this write, then drains the journal) still saves it. A failure is dropped: the
      // conversation goes on from the state before it.
      this.#records.putVisible(key, next).catch(() => undefined);
    });
  }
}
