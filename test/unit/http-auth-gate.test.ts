import { describe, expect, it } from 'vitest';
import { AuthRefused, createAuthGate } from '../../src/http/auth-gate.js';

const never = () => new Promise<string>(() => undefined);

describe('createAuthGate', () => {
  it('passes a result through and turns every failure into AuthRefused(invalid) without the upstream text in the message', async () => {
    const gate = createAuthGate(async (ok: boolean) => {
      if (!ok) throw new Error('request to https://login.botframework.com/v1/.well-known/openidconfiguration failed, reason: getaddrinfo EAI_AGAIN');
      return 'claims';
    });
    expect(await gate(true)).toBe('claims');
    const refused = (await gate(false).catch((e: unknown) => e)) as AuthRefused;
    expect(refused).toBeInstanceOf(AuthRefused);
    expect(refused.reason).toBe('invalid');
    expect(refused.message).not.toContain('botframework');
  });

  it('gives up after the deadline, and refuses at once while too many attempts still hang', async () => {
    let calls = 0;
    let clock = 0;
    const gate = createAuthGate(
      () => {
        calls++;
        return never();
      },
      { timeoutMs: 20, maxStalled: 2, forgetStalledAfterMs: 1_000, now: () => clock },
    );
    await expect(gate()).rejects.toMatchObject({ reason: 'timeout' });
    await expect(gate()).rejects.toMatchObject({ reason: 'timeout' });
    const started = performance.now();
    await expect(gate()).rejects.toMatchObject({ reason: 'upstream-stalled' });
    expect(performance.now() - started).toBeLessThan(15);
    expect(calls).toBe(2);
    clock = 1_000; // the hanging attempts are forgotten: the upstream gets another chance
    await expect(gate()).rejects.toMatchObject({ reason: 'timeout' });
    expect(calls).toBe(3);
  });
});
