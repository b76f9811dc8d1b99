import { describe, expect, it } from 'vitest';
import { createLeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { anna, comm, harness, jan, lisa, mapping, ok, parseLeaderMapping, okDoubt, piet, ruud, stranger } from './doubts-harness.js';

const kinds = (items: Array<{ notification: { kind: string; to: string } }>) => items.map((i) => `${i.notification.kind}->${i.notification.to}`);

describe('doubt life cycle (teacher and leidinggevende)', () => {
  it('submit → leader notified → answer → asker notified → follow-up on the same record → resolve', async () => {
    const { service, clock } = harness();
    const draft = { draftText: 'Foto van de klas op Instagram', verdict: 'twijfel', rules: [{ id: 'oog-3-1-8', citation: 'OOG, regel 8', quote: 'Bij twijfel: niet publiceren.' }] };

    const preview = ok(await service.preview(jan, 'Mag ik deze foto delen?', draft));
    expect(preview.recipient?.name).toBe('Anna de Vries');
    expect(preview.outlook).toBe('direct');
    expect(await service.listMine(jan)).toHaveLength(0); // preview stores nothing

    const submitted = ok(await service.submit(jan, 'Mag ik deze foto delen?', draft));
    const id = submitted.doubt.id;
    expect(submitted.doubt.assigneeIds).toEqual(['leader-anna']);
    expect(submitted.doubt.case?.rules?.[0]?.quote).toBe('Bij twijfel: niet publiceren.');

    const forAnna = await service.maintenance.pendingNotificationsFor(anna);
    expect(kinds(forAnna)).toEqual(['new-doubt->leader-anna']);
    expect(await service.maintenance.markDelivered(id, forAnna[0]!.notification.id, { activityId: 'act-1' })).toBe(true);
    expect(await service.maintenance.pendingNotificationsFor(anna)).toHaveLength(0);
    expect((await service.listOpenFor(anna)).map((d) => d.id)).toEqual([id]);

    clock.addHours(2);
    const answered = ok(await service.answer(anna, id, 'adjust', '  Laat de gezichten weg.  '));
    expect(answered.cardsToUpdate).toEqual([{ to: 'leader-anna', activityId: 'act-1' }]);
    expect(answered.doubt.status).toBe('answered');
    expect(answered.doubt.messages.at(-1)).toMatchObject({ kind: 'answer', decision: 'adjust', text: 'Laat de gezichten weg.', authorKey: 'leader-anna' });
    const forJan = await service.maintenance.pendingNotificationsFor(jan);
    expect(kinds(forJan)).toEqual(['answer->teacher-jan']);
    await service.maintenance.markDelivered(id, forJan[0]!.notification.id);
    expect(await service.listOpenFor(anna)).toHaveLength(0);

    const follow = ok(await service.followUp(jan, id, 'Mag het als ik ze wazig maak?'));
    expect(follow.doubt.id).toBe(id);
    expect(follow.doubt.status).toBe('follow-up');
    expect(kinds(await service.maintenance.pendingNotificationsFor(anna))).toEqual(['follow-up->leader-anna']);
    expect((await service.listOpenFor(anna)).map((d) => d.id)).toEqual([id]);

    ok(await service.answer(anna, id, 'approve'));
    const resolved = ok(await service.resolve(jan, id));
    expect(resolved.doubt).toMatchObject({ status: 'resolved', open: false });
    expect(resolved.doubt.messages.map((m) => m.kind)).toEqual(['doubt', 'answer', 'follow-up', 'answer']);

    const mine = await service.listMine(jan);
    expect(mine.map((d) => d.status)).toEqual(['resolved']);
    expect(resolved.doubt.history.map((h) => `${h.actor}:${h.event}`)).toEqual([
      'teacher-jan:submitted',
      'system:assigned',
      'system:delivered',
      'leader-anna:answered',
      'system:delivered',
      'teacher-jan:follow-up',
      'leader-anna:answered',
      'teacher-jan:resolved',
    ]);
    // History never carries message text.
    expect(JSON.stringify(resolved.doubt.history)).not.toMatch(/foto|gezichten|wazig/i);
  });

  it('lists a leader\'s open doubts oldest first and an asker\'s own doubts newest first', async () => {
    const { service, clock } = harness();
    const first = ok(await service.submit(jan, 'Eerste vraag')).doubt.id;
    clock.addHours(1);
    const second = ok(await service.submit({ id: 'sanne-id', upn: 'sanne@oog.example' }, 'Tweede vraag')).doubt.id;
    expect((await service.listOpenFor(anna)).map((d) => d.id)).toEqual([first, second]);
    clock.addHours(1);
    const third = ok(await service.submit(jan, 'Derde vraag')).doubt.id;
    expect((await service.listMine(jan)).map((d) => d.id)).toEqual([third, first]);
  });

  it('keeps a doubt when nobody is known and routes it once the mapping knows the leader', async () => {
    let known = false;
    const withoutTeam = parseLeaderMapping('version: 1\nleaders:\n  anna: { id: leader-anna }\n', 'a.yaml');
    const withTeam = parseLeaderMapping('version: 1\nleaders:\n  anna: { id: leader-anna }\nusers:\n  teacher-outsider: anna\n', 'b.yaml');
    const directory = {
      resolve: (u: typeof jan) => createLeaderDirectory({ mapping: known ? withTeam : withoutTeam }).resolve(u),
      peopleOf: async () => undefined,
    };
    const { service } = harness({ directory });

    const preview = ok(await service.preview(stranger, 'Wie beslist dit?'));
    expect(preview).toMatchObject({ recipientRole: 'none', outlook: 'no-recipient' });
    const submitted = ok(await service.submit(stranger, 'Wie beslist dit?'));
    expect(submitted.outlook).toBe('no-recipient');
    expect(submitted.doubt).toMatchObject({ stage: 'unassigned', open: true, assigneeIds: [] });
    expect(await service.listMine(stranger)).toHaveLength(1);

    expect((await service.maintenance.sweep()).rerouted).toBe(0);
    known = true;
    expect((await service.maintenance.sweep()).rerouted).toBe(1);
    expect(kinds(await service.maintenance.pendingNotificationsFor({ id: 'leader-anna' }))).toEqual(['new-doubt->leader-anna']);
  });

  it('sends a doubt to Communicatie when the asker has no leidinggevende but the board has a contact', async () => {
    const { service } = harness();
    const submitted = ok(await service.submit(stranger, 'Mag dit?'));
    expect(submitted.recipientRole).toBe('communicatie');
    expect(submitted.doubt).toMatchObject({ stage: 'communicatie', assigneeIds: ['comm-1'] });
  });

  it('holds a doubt for a leader who never opened the bot and delivers it when they do (UPN-only leader)', async () => {
    const { service } = harness({ unreachable: ['upn:ruud@oog.example'] });
    const submitted = ok(await service.submit(lisa, 'Mag ik dit filmpje delen?'));
    expect(submitted.outlook).toBe('waiting');
    expect(submitted.doubt.assigneeIds).toEqual(['upn:ruud@oog.example']);

    // Ruud opens the bot: the shell identifies him, then delivers what waits for him.
    expect(await service.maintenance.identify(ruud)).toBe(1);
    const pending = await service.maintenance.pendingNotificationsFor(ruud);
    expect(kinds(pending)).toEqual(['new-doubt->leader-ruud']);
    expect((await service.listOpenFor(ruud)).map((d) => d.id)).toEqual([submitted.doubt.id]);
    ok(await service.answer(ruud, submitted.doubt.id, 'reject', 'Liever niet.'));
  });

  it('forwards to Communicatie on the leader\'s request and tells the asker', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Persbericht over de opening?')).doubt.id;
    const forwarded = ok(await service.answer(anna, id, 'forward', 'Graag even kijken.'));
    expect(forwarded.doubt).toMatchObject({ stage: 'communicatie', status: 'waiting' });
    expect(forwarded.doubt.assigneeIds).toEqual(['leader-anna', 'comm-1']);
    expect(kinds(await service.maintenance.pendingNotificationsFor(comm))).toEqual(['rerouted->comm-1']);
    expect(kinds(await service.maintenance.pendingNotificationsFor(jan))).toEqual(['escalated-asker-notice->teacher-jan']);
    // The leader's stale card is no longer delivered.
    expect(await service.maintenance.pendingNotificationsFor(anna)).toHaveLength(0);
    ok(await service.answer(comm, id, 'approve'));
  });

  it('refuses follow-ups and resolves from anyone but the asker', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Vraag')).doubt.id;
    expect(await service.followUp(jan, id, 'nog iets')).toMatchObject({ ok: false, reason: 'not-awaiting-answer' });
    ok(await service.answer(anna, id, 'approve'));
    expect(await service.followUp(anna, id, 'nog iets')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await service.resolve(stranger, id)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await service.followUp(jan, id, '   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('shows a doubt only to the asker and its assignees', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Vraag')).doubt.id;
    expect(okDoubt(await service.get(jan, id)).id).toBe(id);
    expect(okDoubt(await service.get(anna, id)).id).toBe(id);
    // The object id wins: someone else presenting Anna's UPN does not get in.
    for (const user of [stranger, piet, comm, { id: 'x', upn: 'ANNA@oog.example' }]) expect(await service.get(user, id)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(await service.get(jan, 'missing')).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('uses the mapping fixture for routing', () => {
    expect(mapping().users.get('teacher-jan')).toBe('anna');
  });

  const caseInputs: Array<[string, unknown, unknown]> = [
    ['no case', undefined, undefined],
    ['not an object', 'draft', undefined],
    ['empty parts dropped', { draftText: '  ', answers: [], extra: 'x' }, undefined],
    ['long draft cut', { draftText: 'a'.repeat(5000) }, { draftText: 'a'.repeat(4000) }],
    ['rules kept', { verdict: 'Twijfel', rules: [{ id: 'r', citation: 'c', quote: 'q', score: 3 }] }, { verdict: 'Twijfel', rules: [{ id: 'r', citation: 'c', quote: 'q' }] }],
    ['too many rules refused as a whole', { rules: Array.from({ length: 11 }, () => ({ id: 'r', citation: 'c', quote: 'q' })) }, undefined],
  ];
  it.each(caseInputs)('cleans the posting hand-over: %s', async (_name, input, expected) => {
    const { service } = harness();
    const doubt = ok(await service.submit(jan, 'Vraag', input)).doubt;
    expect(doubt.case).toEqual(expected);
  });
});

describe('answer checks (never trust card data)', () => {
  const cases: Array<{ name: string; actor: 'anna' | 'jan' | 'stranger' | 'piet'; setup?: 'closed' | 'answered' | 'no-communicatie'; doubtId?: string; decision: unknown; comment?: unknown; reason: string }> = [
    { name: 'someone else', actor: 'stranger', decision: 'approve', reason: 'not-allowed' },
    { name: 'the deputy before rerouting', actor: 'piet', decision: 'approve', reason: 'not-allowed' },
    { name: 'the asker', actor: 'jan', decision: 'approve', reason: 'not-allowed' },
    { name: 'a closed doubt', actor: 'anna', setup: 'closed', decision: 'approve', reason: 'closed' },
    { name: 'an answered doubt', actor: 'anna', setup: 'answered', decision: 'reject', reason: 'not-awaiting-answer' },
    { name: 'an unknown decision', actor: 'anna', decision: 'maybe', reason: 'invalid-decision' },
    { name: 'a decision that is not text', actor: 'anna', decision: { approve: true }, reason: 'invalid-decision' },
    { name: 'a comment that is too long', actor: 'anna', decision: 'reject', comment: 'x'.repeat(1001), reason: 'too-long' },
    { name: 'a comment that is not text', actor: 'anna', decision: 'reject', comment: 42, reason: 'invalid-decision' },
    { name: '"Aanpassen" without a comment', actor: 'anna', decision: 'adjust', comment: ' ', reason: 'comment-required' },
    { name: 'an unknown doubt id', actor: 'anna', doubtId: 'nope', decision: 'approve', reason: 'not-found' },
    { name: 'an empty doubt id (what a card without a text id parses to)', actor: 'anna', doubtId: '', decision: 'approve', reason: 'not-found' },
    { name: 'forwarding without a Communicatie contact', actor: 'anna', setup: 'no-communicatie', decision: 'forward', reason: 'no-communicatie' },
  ];
  const users = { anna, jan, stranger, piet };

  it.each(cases)('refuses an answer from/on $name', async (c) => {
    const directory =
      c.setup === 'no-communicatie' ? createLeaderDirectory({ mapping: parseLeaderMapping('version: 1\nleaders:\n  anna: { id: leader-anna }\nusers:\n  teacher-jan: anna\n', 'x.yaml') }) : undefined;
    const { service, store } = harness(directory ? { directory } : {});
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    if (c.setup === 'answered') ok(await service.answer(anna, id, 'approve'));
    if (c.setup === 'closed') ok(await service.resolve(jan, id));
    const before = await store.get(id);
    const result = await service.answer(users[c.actor], c.doubtId === undefined ? id : c.doubtId, c.decision, c.comment);
    expect(result).toMatchObject({ ok: false, reason: c.reason });
    expect((result as { message: string }).message).toMatch(/\w/);
    expect(await store.get(id)).toEqual(before);
    // Only who may see it (the asker, or the person it waits for) gets the open doubt back, to show it
    // again with the reason; nobody else learns of it.
    const stillTheirs = (c.actor === 'anna' || c.actor === 'jan') && c.doubtId === undefined && c.setup !== 'answered' && c.setup !== 'closed';
    expect((result as { doubt?: { id: string } }).doubt?.id).toBe(stillTheirs ? id : undefined);
  });

  it('gives the same message for "does not exist" and "not yours"', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const a = await service.answer(stranger, id, 'approve');
    const b = await service.answer(stranger, 'missing', 'approve');
    expect((a as { message: string }).message).toBe((b as { message: string }).message);
    expect(a).not.toHaveProperty('doubt');
  });
});
