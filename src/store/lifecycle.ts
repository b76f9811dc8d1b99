import { StoreClosedError } from './store-errors.js';

/** Refuses work after close and lets close wait for work already under way. */
export class Lifecycle {
  #closed = false;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly dir: string) {}

  get closed(): boolean {
    return this.#closed;
  }

  run<R>(work: () => Promise<R>): Promise<R> {
    if (this.#closed) return Promise.reject(new StoreClosedError(this.dir));
    const promise = work();
    this.#inFlight.add(promise);
    const forget = () => this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled(this.#inFlight);
  }
}
