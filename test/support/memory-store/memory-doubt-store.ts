import type { DoubtStore, StoredDoubt } from '../../../src/core/doubts/doubt-store.js';
import { isStoredDoubt, sortById } from '../../../src/store/doubt-validation.js';
import { jsonClone } from './json-clone.js';

/** In-memory DoubtStore for tests, with the same validation, copying and ordering as the file store. */
export class MemoryDoubtStore<D extends StoredDoubt = StoredDoubt> implements DoubtStore<D> {
  readonly #doubts = new Map<string, D>();

  async get(id: string): Promise<D | undefined> {
    const doubt = this.#doubts.get(id);
    return doubt && jsonClone(doubt);
  }

  async put(doubt: D): Promise<void> {
    if (!isStoredDoubt(doubt)) {
      throw new TypeError('Cannot store doubt: it needs a non-empty string id, askerId, assigneeIds (string[]) and open (boolean).');
    }
    this.#doubts.set(doubt.id, jsonClone(doubt));
  }

  async delete(id: string): Promise<void> {
    this.#doubts.delete(id);
  }

  async listByAsker(askerId: string): Promise<D[]> {
    return this.#where((d) => d.askerId === askerId);
  }

  async listByAssignee(assigneeId: string): Promise<D[]> {
    return this.#where((d) => d.assigneeIds.includes(assigneeId));
  }

  async listAll(): Promise<D[]> {
    return sortById([...this.#doubts.values()].map((d) => jsonClone(d)));
  }

  async listOpen(): Promise<D[]> {
    return this.#where((d) => d.open);
  }

  #where(matches: (d: D) => boolean): D[] {
    return sortById([...this.#doubts.values()].filter(matches).map((d) => jsonClone(d)));
  }
}
