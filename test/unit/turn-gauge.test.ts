import { describe, expect, it } from 'vitest';
import { byLoad, TurnGauge } from '../../src/http/turn-gauge.js';

describe('answering by load', () => {
  it('answers a lone question here and goes to the worker while other activities are in flight', async () => {
    const turns = new TurnGauge();
    const answer = byLoad(turns, (q) => `here: ${q}`, (q) => `worker: ${q}`);
    expect(answer('a')).toBe('here: a');

    const releases: Array<() => void> = [];
    const hold = () => turns.track(() => new Promise<void>((resolve) => releases.push(resolve)));
    const first = hold();
    // The activity asking is itself in flight: alone, it is answered here.
    expect(turns.inFlight).toBe(1);
    expect(answer('b')).toBe('here: b');
    const second = hold();
    expect(answer('c')).toBe('worker: c');

    releases.forEach((release) => release());
    await Promise.all([first, second]);
    expect(turns.inFlight).toBe(0);
    expect(answer('d')).toBe('here: d');
  });

  it('stops counting an activity that fails', async () => {
    const turns = new TurnGauge();
    await expect(turns.track(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(turns.inFlight).toBe(0);
  });
});
