/** Source of the current time; injected so tests are deterministic. */
export interface Clock {
  now(): Date;
}

/** Source of fresh unique ids; injected so tests are deterministic. */
export type IdGenerator = () => string;

export const systemClock: Clock = { now: () => new Date() };
