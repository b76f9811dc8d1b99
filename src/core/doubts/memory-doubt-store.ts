import type { DoubtStore, StoredDoubt } from './doubt-store.js';

/** In-memory {@link DoubtStore} for tests and the local demo; copies on the way in and out like a real store. */
export class MemoryDoubtStore<D extends StoredDoubt> implements DoubtStore<D> {
  private readonly items = new Map<string, D>();

  async get(id: string): Promise<D | undefined> {
    const d = this.items.get(id);
    return d ? structuredClone(d) : undefined;
  }

  async put(doubt: D): Promise<void> {
    this.items.set(doubt.id, structuredClone(doubt));
  }

  async delete(id: string): Promise<void> {
    this.items.delete(id);
  }

  async listByAsker(askerId: string): Promise<D[]> {
    return this.filter((d) => d.askerId === askerId);
  }

  async listByAssignee(assigneeId: string): Promise<D[]> {
    return this.filter((d) => d.assigneeIds.includes(assigneeId));
  }

  async listOpen(): Promise<D[]> {
    return this.filter((d) => d.open);
  }

  /** Every record; for tests. */
  all(): D[] {
    return this.filter(() => true);
  }

  private filter(predicate: (d: D) => boolean): D[] {
    return [...this.items.values()].filter(predicate).map((d) => structuredClone(d));
  }
}
