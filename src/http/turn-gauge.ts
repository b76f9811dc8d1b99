/**
 * How many activities the server is handling at this moment. The answer worker pays off only when
 * turns queue up on the main thread; a lone question is answered sooner without the hop to the
 * worker's thread (a sleeping thread wakes up slowly), so answering asks this gauge which to use.
 */
export class TurnGauge {
  #inFlight = 0;

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Counts the work as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
    }
  }
}

/** `alone` while the server handles at most the one activity asking, `busy` while others are in flight too. */
export function byLoad<T>(turns: TurnGauge, alone: (question: string) => T, busy: (question: string) => T): (question: string) => T {
  return (question) => (turns.inFlight > 1 ? busy(question) : alone(question));
}
