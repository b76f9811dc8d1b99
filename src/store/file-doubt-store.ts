import { join } from 'node:path';
import type { DoubtStore, StoredDoubt } from '../core/doubts/doubt-store.js';
import { isStoredDoubt, sortById } from './doubt-validation.js';
import { encodeKey } from './key-encoding.js';
import type { JournalView } from './journal.js';
import type { Lifecycle } from './lifecycle.js';
import { MarkerIndex } from './marker-index.js';
import { RecordCollection } from './record-collection.js';

/** The single bucket of the open-doubts index. */
export const OPEN_BUCKET = 'open';

interface Hint {
  index: MarkerIndex;
  bucket: string;
}

/** Where the doubt files live below the data directory. */
export function doubtLayout(dir: string) {
  const root = join(dir, 'doubts');
  return {
    records: join(root, 'records'),
    byAsker: join(root, 'by-asker'),
    byAssignee: join(root, 'by-assignee'),
    open: join(root, 'open'),
  };
}

/**
 * Doubts as one file each, plus marker-file indexes per asker, per assignee and
 * for open doubts. The record is the source of truth: a put adds the new index
 * entries before it writes the record and removes outdated ones after (in that
 * order in the journal, and in the files when there is none), so after any crash
 * every record is reachable from the indexes it belongs to; extra entries are
 * filtered (and removed) by readers.
 */
export class FileDoubtStore<D extends StoredDoubt = StoredDoubt> implements DoubtStore<D> {
  readonly #records: RecordCollection<D>;
  readonly #byAsker: MarkerIndex;
  readonly #byAssignee: MarkerIndex;
  readonly #open: MarkerIndex;

  constructor(
    dir: string,
    private readonly lifecycle: Lifecycle,
    journal?: JournalView,
  ) {
    const layout = doubtLayout(dir);
    this.#records = new RecordCollection<D>(layout.records, isStoredDoubt as (v: unknown) => v is D, journal);
    this.#byAsker = new MarkerIndex(layout.byAsker, journal);
    this.#byAssignee = new MarkerIndex(layout.byAssignee, journal);
    this.#open = new MarkerIndex(layout.open, journal);
  }

  get(id: string): Promise<D | undefined> {
    return this.lifecycle.run(() => this.#records.get(id));
  }

  put(doubt: D): Promise<void> {
    if (!isStoredDoubt(doubt)) {
      return Promise.reject(new TypeError('Cannot store doubt: it needs a non-empty string id, askerId, assigneeIds (string[]) and open (boolean).'));
    }
    const copy = JSON.parse(JSON.stringify(doubt)) as D;
    const stem = encodeKey(copy.id);
    return this.lifecycle.run(() =>
      this.#records.exclusive(stem, async () => {
        const old = await this.#records.get(copy.id);
        const next = this.#hints(copy);
        const previous = old ? this.#hints(old) : [];
        await this.#records.put(copy.id, copy, {
          before: next.filter((h) => !includesHint(previous, h)).map((h) => h.index.addOp(h.bucket, stem)),
          after: previous.filter((h) => !includesHint(next, h)).map((h) => h.index.removeOp(h.bucket, stem)),
        });
      }),
    );
  }

  delete(id: string): Promise<void> {
    const stem = encodeKey(id);
    return this.lifecycle.run(() =>
      this.#records.exclusive(stem, async () => {
        const old = await this.#records.get(id);
        if (!old) return;
        await this.#records.delete(id, { after: this.#hints(old).map((h) => h.index.removeOp(h.bucket, stem)) });
      }),
    );
  }

  listByAsker(askerId: string): Promise<D[]> {
    return this.lifecycle.run(() => this.#list(this.#byAsker, askerId, (d) => d.askerId === askerId));
  }

  listByAssignee(assigneeId: string): Promise<D[]> {
    return this.lifecycle.run(() => this.#list(this.#byAssignee, assigneeId, (d) => d.assigneeIds.includes(assigneeId)));
  }

  listOpen(): Promise<D[]> {
    return this.lifecycle.run(() => this.#list(this.#open, OPEN_BUCKET, (d) => d.open));
  }

  listAll(): Promise<D[]> {
    return this.lifecycle.run(async () => {
      const all: D[] = [];
      for (const stem of await this.#records.stems()) {
        const doubt = await this.#records.getByStem(stem);
        if (doubt) all.push(doubt);
      }
      return sortById(all);
    });
  }

  /**
   * Walks every record and checks that it is in each index it belongs to (maintenance
   * and crash tests; costs a full scan). With `repair`, missing entries are added.
   * Returns the number of records and the ids that were missing an entry.
   */
  checkIndexes(options: { repair?: boolean } = {}): Promise<{ records: number; missing: string[] }> {
    return this.lifecycle.run(async () => {
      const missing: string[] = [];
      const stems = await this.#records.stems();
      for (const stem of stems) {
        const doubt = await this.#records.getByStem(stem);
        if (!doubt) continue;
        for (const hint of this.#hints(doubt)) {
          if (await hint.index.has(hint.bucket, stem)) continue;
          missing.push(doubt.id);
          if (options.repair) await hint.index.add(hint.bucket, stem);
        }
      }
      return { records: stems.length, missing: [...new Set(missing)] };
    });
  }

  async #list(index: MarkerIndex, bucket: string, matches: (d: D) => boolean): Promise<D[]> {
    const stems = await index.list(bucket);
    const found: D[] = [];
    await Promise.all(
      stems.map(async (stem) => {
        const doubt = await this.#records.getByStem(stem);
        if (doubt && matches(doubt)) found.push(doubt);
        else await this.#dropStaleHint(index, bucket, stem, matches);
      }),
    );
    return sortById(found);
  }

  /** Removes an index entry left by a crash or an interrupted update, re-checking under the record's lock. */
  #dropStaleHint(index: MarkerIndex, bucket: string, stem: string, matches: (d: D) => boolean): Promise<void> {
    return this.#records.exclusive(stem, async () => {
      const doubt = await this.#records.getByStem(stem);
      if (!doubt || !matches(doubt)) await index.remove(bucket, stem);
    });
  }

  #hints(doubt: D): Hint[] {
    const hints: Hint[] = [{ index: this.#byAsker, bucket: doubt.askerId }];
    for (const assignee of new Set(doubt.assigneeIds)) hints.push({ index: this.#byAssignee, bucket: assignee });
    if (doubt.open) hints.push({ index: this.#open, bucket: OPEN_BUCKET });
    return hints;
  }
}

function includesHint(hints: Hint[], hint: Hint): boolean {
  return hints.some((h) => h.index === hint.index && h.bucket === hint.bucket);
}
