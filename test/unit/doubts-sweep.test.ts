import { describe, expect, it } from 'vitest';
import { addWorkingDays, dutchPublicHolidays, isWorkingDay } from '../../src/core/doubts/working-days.js';
import { anna, harness, jan, ok, piet } from './doubts-harness.js';

const THURSDAY = new Date('2026-11-26T09:00:00Z'); // 10:00 in Amsterdam

describe('addWorkingDays', () => {
  const cases: Array<[string, string, number, string, boolean?]> = [
    ['Thursday + 2 skips the weekend', '2026-11-26T09:00:00Z', 2, '2026-11-30T09:00:00Z'],
    ['Friday + 1 is Monday', '2026-11-27T15:00:00Z', 1, '2026-11-30T15:00:00Z'],
    ['Saturday + 1 is Monday', '2026-11-28T09:00:00Z', 1, '2026-11-30T09:00:00Z'],
    ['Monday + 5 is next Monday', '2026-11-23T09:00:00Z', 5, '2026-11-30T09:00:00Z'],
    ['zero days stays put', '2026-11-28T09:00:00Z', 0, '2026-11-28T09:00:00Z'],
    ['late Friday evening in Amsterdam is still Friday', '2026-11-27T22:30:00Z', 1, '2026-11-30T22:30:00Z'],
    ['Christmas counts without holidays', '2026-12-24T09:00:00Z', 1, '2026-12-25T09:00:00Z'],
    ['Christmas is skipped with holidays', '2026-12-24T09:00:00Z', 1, '2026-12-28T09:00:00Z', true],
    ['Easter Monday 2027 is skipped with holidays', '2027-03-26T09:00:00Z', 1, '2027-03-30T08:00:00Z', true],
  ];
  it.each(cases)('%s', (_name, from, days, expected, publicHolidays) => {
    const result = addWorkingDays(new Date(from), days, { publicHolidays: publicHolidays ?? false });
    // Across the DST change the UTC hour shifts; compare the day and accept the local-time shift.
    expect(result.toISOString().slice(0, 10)).toBe(expected.slice(0, 10));
  });

  it('knows the moving Dutch holidays', () => {
    const h2027 = dutchPublicHolidays(2027);
    expect(h2027).toContain('2027-03-29'); // Easter Monday
    expect(h2027).toContain('2027-05-06'); // Ascension Day
    expect(h2027).toContain('2027-05-17'); // Whit Monday
    expect(dutchPublicHolidays(2025)).toContain('2025-04-26'); // King's Day moved off Sunday
    expect(isWorkingDay(new Date('2026-11-28T12:00:00Z'))).toBe(false);
  });
});

describe('sweep: reminders and rerouting by working days', () => {
  it('reminds, then reroutes to the deputy, then to Communicatie, across weekends', async () => {
    const { service, clock } = harness({ start: THURSDAY });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const first = await service.maintenance.pendingNotificationsFor(anna);
    await service.maintenance.markDelivered(id, first[0]!.notification.id);

    const steps: Array<[string, string[]]> = [
      ['2026-11-27T09:00:00Z', []], // Friday: 1 working day
      ['2026-11-29T12:00:00Z', []], // Sunday
      ['2026-11-30T08:59:00Z', []], // Monday, one minute early
      ['2026-11-30T09:00:00Z', ['reminder->leader-anna']],
      ['2026-12-01T09:00:00Z', []],
      ['2026-12-02T09:00:00Z', ['rerouted->leader-piet', 'escalated-asker-notice->teacher-jan']],
      ['2026-12-04T09:00:00Z', ['reminder->leader-piet']],
      ['2026-12-08T09:00:00Z', ['rerouted->comm-1', 'escalated-asker-notice->teacher-jan']],
      ['2026-12-10T09:00:00Z', ['reminder->comm-1']],
      ['2026-12-30T09:00:00Z', []], // nobody left: no more steps
    ];
    for (const [at, expected] of steps) {
      clock.set(at);
      const report = await service.maintenance.sweep();
      expect(report.notifications.map((n) => `${n.notification.kind}->${n.notification.to}`), at).toEqual(expected);
      for (const n of report.notifications) await service.maintenance.markDelivered(id, n.notification.id);
    }
    const doubt = (await service.listMine(jan))[0]!;
    expect(doubt.assigneeIds).toEqual(['leader-anna', 'leader-piet', 'comm-1']);
    expect(doubt.remindersSent).toBe(3);
    expect(doubt.nextActionAt).toBeUndefined();
    // Everyone on the ladder may answer now.
    ok(await service.answer(piet, id, 'discuss'));
  });

  it('keeps the schedule on the record, so a new service instance continues it', async () => {
    const { service, store, clock } = harness({ start: THURSDAY });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    expect((await store.get(id))!).toMatchObject({ nextAction: 'remind', nextActionAt: '2026-11-30T09:00:00.000Z' });
    clock.set('2026-11-30T09:00:00Z');
    const { createLeaderDirectory } = await import('../../src/core/doubts/leader-directory.js');
    const { mapping } = await import('./doubts-harness.js');
    const { testDoubtService } = await import('../support/doubt-service.js');
    const restarted = testDoubtService({ store, clock, newId: () => 'r-1', directory: createLeaderDirectory({ mapping: mapping() }) });
    // The first notification was never delivered, so no duplicate reminder is queued.
    const report = await restarted.maintenance.sweep();
    expect(report.changed).toBe(1);
    expect(report.notifications).toEqual([]);
    expect((await store.get(id))!.nextAction).toBe('reroute');
  });

  it('does not reroute a doubt that was answered in time, and auto-closes it later', async () => {
    const { service, clock } = harness({ start: THURSDAY, settings: { autoCloseWorkingDays: 3 } });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    ok(await service.answer(anna, id, 'approve'));
    const answer = (await service.maintenance.pendingNotificationsFor(jan))[0]!;
    clock.set('2026-12-01T09:00:00Z'); // 3 working days, answer not delivered yet: postpone
    await service.maintenance.sweep();
    expect((await service.listMine(jan))[0]!.open).toBe(true);
    await service.maintenance.markDelivered(id, answer.notification.id);
    clock.set('2026-12-02T09:00:00Z');
    await service.maintenance.sweep();
    expect((await service.listMine(jan))[0]).toMatchObject({ open: false, status: 'closed' });
  });
});

describe('delivery failures are recorded and retried or rerouted', () => {
  it('retries transient failures with back-off and reroutes after a permanent one', async () => {
    const { service, clock } = harness({ start: THURSDAY });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const [first] = await service.maintenance.dueNotifications();
    expect(first!.notification.kind).toBe('new-doubt');

    expect(await service.maintenance.markFailed(id, first!.notification.id, { status: 502 })).toMatchObject({ found: true, gaveUp: false, rerouted: false, doubt: { id } });
    expect(await service.maintenance.dueNotifications()).toHaveLength(0); // waiting out the back-off
    clock.addHours(1);
    const [retry] = await service.maintenance.dueNotifications();
    expect(retry!.notification).toMatchObject({ attempts: 1, lastError: '502' });

    const result = await service.maintenance.markFailed(id, retry!.notification.id, { status: 404, code: 'ConversationNotFound' });
    expect(result).toMatchObject({ found: true, gaveUp: true, rerouted: true });
    // The record as written, so the notifier delivers the reroute without reading it again.
    expect(result.doubt?.outbox.filter((n) => n.attempts === 0).map((n) => `${n.kind}->${n.to}`)).toEqual(['rerouted->leader-piet', 'escalated-asker-notice->teacher-jan']);
    const due = await service.maintenance.dueNotifications();
    expect(due.map((d) => `${d.notification.kind}->${d.notification.to}`)).toEqual(['rerouted->leader-piet', 'escalated-asker-notice->teacher-jan']);
    const doubt = due[0]!.doubt;
    expect(doubt.history.filter((h) => h.event.startsWith('delivery')).map((h) => h.detail)).toEqual([
      `new-doubt ${first!.notification.id} 502`,
      `new-doubt ${first!.notification.id} 404 ConversationNotFound`,
    ]);
    // Anna still gets it when she opens the bot.
    expect((await service.maintenance.pendingNotificationsFor(anna)).map((n) => n.notification.kind)).toEqual(['new-doubt']);
  });

  it('gives up after too many transient failures', async () => {
    const { service, clock } = harness({ start: THURSDAY, settings: { maxDeliveryAttempts: 3 } });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const nid = (await service.maintenance.dueNotifications())[0]!.notification.id;
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await service.maintenance.markFailed(id, nid, { status: 503 }));
      clock.addHours(3);
    }
    expect(results.map((r) => r.gaveUp)).toEqual([false, false, true]);
    expect(results[2]!.rerouted).toBe(true);
  });

  it('keeps an undeliverable answer for the asker without rerouting the doubt', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    ok(await service.answer(anna, id, 'reject', 'Nee.'));
    const answer = (await service.maintenance.pendingNotificationsFor(jan))[0]!;
    expect(await service.maintenance.markFailed(id, answer.notification.id, { status: 403 })).toMatchObject({ found: true, gaveUp: true, rerouted: false, doubt: { id, open: true } });
    expect(await service.maintenance.dueNotifications()).toHaveLength(0);
    expect((await service.maintenance.pendingNotificationsFor(jan)).map((n) => n.notification.kind)).toEqual(['answer']);
    expect(await service.maintenance.markFailed(id, 'unknown', { status: 500 })).toEqual({ found: false, gaveUp: false, rerouted: false });
  });

  it('parks a notification for someone who never opened the bot, without rerouting at once', async () => {
    const { service, clock } = harness({ start: THURSDAY });
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const nid = (await service.maintenance.dueNotifications())[0]!.notification.id;
    expect(await service.maintenance.markUnreachable(id, nid)).toBe(true);
    expect(await service.maintenance.dueNotifications()).toHaveLength(0);
    expect((await service.listMine(jan))[0]!.assigneeIds).toEqual(['leader-anna']);
    // Reminder period: nothing new for Anna (her first message still waits); then the deputy.
    clock.set('2026-11-30T09:00:00Z');
    expect((await service.maintenance.sweep()).notifications).toEqual([]);
    clock.set('2026-12-02T09:00:00Z');
    expect((await service.maintenance.sweep()).notifications.map((n) => n.notification.to)).toEqual(['leader-piet', 'teacher-jan']);
    expect((await service.maintenance.pendingNotificationsFor(anna)).map((n) => n.notification.id)).toEqual([nid]);
  });
});
