/**
 * A deadline around Bot Framework authentication. The library fetches the OpenID metadata and
 * signing keys without a time-out (and caches them for 24 hours once fetched), so a stalled or
 * black-holed upstream would hold every request open. The gate answers within `timeoutMs`, and
 * while several fetches are still hanging it refuses at once instead of starting more.
 */
export type AuthRefusalReason = 'invalid' | 'timeout' | 'upstream-stalled';

/** Every authentication failure; the HTTP layer turns it into a generic 401. */
export class AuthRefused extends Error {
  constructor(
    readonly reason: AuthRefusalReason,
    /** For the log line only; never sent to the client. */
    readonly detail?: string,
  ) {
    super(`authentication refused (${reason})`);
    this.name = 'AuthRefused';
  }
}

export interface AuthGateOptions {
  timeoutMs: number;
  /** How many timed-out attempts may still hang before new ones are refused without trying. */
  maxStalled: number;
  /** A hanging attempt older than this no longer counts (the upstream may have recovered). */
  forgetStalledAfterMs: number;
  now?: () => number;
}

export const AUTH_GATE_DEFAULTS: AuthGateOptions = { timeoutMs: 5_000, maxStalled: 4, forgetStalledAfterMs: 60_000 };

export function createAuthGate<A extends unknown[], R>(
  authenticate: (...args: A) => Promise<R>,
  options: AuthGateOptions = AUTH_GATE_DEFAULTS,
): (...args: A) => Promise<R> {
  const now = options.now ?? Date.now;
  /** Start times of attempts that timed out and have not settled yet. */
  const stalled = new Set<{ at: number }>();

  return async (...args: A) => {
    const at = now();
    for (const entry of stalled) if (at - entry.at >= options.forgetStalledAfterMs) stalled.delete(entry);
    if (stalled.size >= options.maxStalled) throw new AuthRefused('upstream-stalled');

    const attempt = authenticate(...args);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    const outcome = await Promise.race([
      attempt.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      deadline,
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      const entry = { at };
      stalled.add(entry);
      attempt.then(
        () => stalled.delete(entry),
        () => stalled.delete(entry),
      );
      throw new AuthRefused('timeout');
    }
    if ('error' in outcome) {
      const detail = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      throw new AuthRefused('invalid', detail.split('\n')[0]!.slice(0, 200));
    }
    return outcome.value;
  };
}
