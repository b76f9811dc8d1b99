import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/shared/adaptive-card.js';
import { doubtReroutedNoticeCard, doubtSentCard } from '../../src/cards/doubts/doubt-asker-cards.js';
import { doubtLeaderCard } from '../../src/cards/doubts/doubt-leader-card.js';
import { canView } from '../../src/core/doubts/doubt-access.js';
import { createSelfLeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { anna, comm, harness, jan, ok, okDoubt, piet, stranger } from './doubts-harness.js';

const texts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return [...['text', 'title'].flatMap((k) => (typeof o[k] === 'string' ? [o[k]] : [])), ...Object.values(o).flatMap(texts)];
  }
  return [];
};
const allText = (c: AdaptiveCard) => texts(c).join('\n');

/**
 * What the cards promise about who sees a doubt and what happens next must be what the access
 * checks and the escalation ladder do. Each case checks the words and the behaviour together.
 */
describe('what the doubt cards promise', () => {
  it('the leader card names who can see the doubt now and who later; the deputy and Communicatie get access only then', async () => {
    const { service, clock } = harness();
    const doubt = ok(await service.submit(jan, 'Mag ik dit delen?')).doubt;

    const card = allText(doubtLeaderCard(doubt));
    expect(card).toContain('Deze vraag zien alleen Jan Smit en Anna de Vries.');
    expect(card).toContain('Blijft hij na de herinnering onbeantwoord, dan gaat hij naar Piet Jansen (vervanger) en daarna naar Afdeling Communicatie. Pas dan kan die hem ook zien en beantwoorden.');
    expect(card).not.toMatch(/een eventuele vervanger en Communicatie kunnen/);
    // The words match the checks: the deputy and Communicatie cannot see or answer it yet.
    expect(canView(piet, doubt)).toBe(false);
    expect(canView(comm, doubt)).toBe(false);
    expect((await service.get(piet, doubt.id)) as { ok?: boolean }).toMatchObject({ ok: false });
    expect(await service.answer(piet, doubt.id, 'approve')).toMatchObject({ ok: false, reason: 'not-allowed' });

    // Reminder, then two more working days: rerouted to the deputy, who may now see and answer.
    clock.set('2026-11-25T10:00:00Z');
    await service.maintenance.sweep();
    clock.set('2026-11-27T10:00:00Z');
    await service.maintenance.sweep();
    const rerouted = okDoubt(await service.get(piet, doubt.id));
    expect(rerouted.stage).toBe('deputy');
    const deputyCard = allText(doubtLeaderCard(rerouted, { leaderTerm: 'leidinggevende', reason: 'rerouted' }));
    expect(deputyCard).toContain('Deze vraag zien alleen Jan Smit, Anna de Vries en Piet Jansen.');
    expect(deputyCard).toContain('dan gaat hij naar Afdeling Communicatie.');
    expect(canView(comm, rerouted)).toBe(false);
    expect(ok(await service.answer(piet, doubt.id, 'approve')).doubt.status).toBe('answered');
  });

  it('Communicatie may see and answer a doubt once the leidinggevende forwards it', async () => {
    const { service } = harness();
    const doubt = ok(await service.submit(jan, 'Mag ik op een ouder reageren?')).doubt;
    expect(canView(comm, doubt)).toBe(false);
    const forwarded = ok(await service.answer(anna, doubt.id, 'forward')).doubt;
    expect(canView(comm, forwarded)).toBe(true);
    expect(allText(doubtLeaderCard(forwarded, { leaderTerm: 'leidinggevende', reason: 'forwarded' }))).toContain('Deze vraag zien alleen Jan Smit, Anna de Vries en Afdeling Communicatie.');
    expect(allText(doubtReroutedNoticeCard(forwarded))).toContain('Je leidinggevende heeft je vraag doorgestuurd naar Afdeling Communicatie.');
    expect(ok(await service.answer(comm, doubt.id, 'approve', 'Prima')).doubt.status).toBe('answered');
  });

  it('a Communicatie fallback says why, names Communicatie once, and promises only a reminder', async () => {
    const { service } = harness();
    const result = ok(await service.submit(stranger, 'Wie beslist dit?'));
    expect(result.recipientRole).toBe('communicatie');
    const text = allText(doubtSentCard(result));
    expect(text).toContain('Ik weet niet wie je leidinggevende is. Daarom gaat je vraag naar Afdeling Communicatie.');
    expect(text).toContain('Je vraag is verstuurd naar Afdeling Communicatie.');
    expect(text).toContain('Dan stuur ik Afdeling Communicatie een herinnering.');
    expect(text).not.toMatch(/\(Communicatie\)|gaat je vraag naar Communicatie\. Je hoort/);

    const unverified = allText(doubtSentCard({ ...result, identityUnverified: true }));
    expect(unverified).toContain('Ik kon je gegevens nu niet opvragen bij Teams, daardoor kon ik je leidinggevende niet vinden.');
  });

  it('a leidinggevende known only by UPN is "not reachable yet", not "never opened the bot"', async () => {
    const { service } = harness({ unreachable: ['upn:ruud@oog.example'] });
    const lisa = { id: 'teacher-lisa', name: 'Lisa Kok' };
    const result = ok(await service.submit(lisa, 'Mag dit?'));
    expect(result.outlook).toBe('waiting');
    expect(allText(doubtSentCard(result))).toContain('Die kan ik in Teams nog niet bereiken: die heeft Mediawijs nog niet geopend, of ik heb die nog niet herkend.');
  });

  it('the self-leader demo says the question comes back to you, and why', async () => {
    const { service } = harness({ directory: createSelfLeaderDirectory() });
    const result = ok(await service.submit(jan, 'Demo-vraag'));
    const sent = allText(doubtSentCard(result));
    expect(sent).toMatch(/Demo: je bent zelf ingesteld als je eigen leidinggevende\. Je vraag komt daarom hier bij jou binnen/);
    expect(sent).not.toMatch(/\(leidinggevende\)/);
    expect(allText(doubtLeaderCard(result.doubt))).toContain('Alleen jij ziet deze vraag: in deze demo ben je je eigen leidinggevende.');
  });

  it('a reroute after a failed delivery says so instead of "has not answered"', async () => {
    const { service } = harness();
    const doubt = ok(await service.submit(jan, 'Mag ik dit?')).doubt;
    const first = doubt.outbox.find((n) => n.kind === 'new-doubt')!;
    await service.maintenance.markFailed(doubt.id, first.id, { status: 403, permanent: true });
    const moved = okDoubt(await service.get(jan, doubt.id));
    expect(moved.stage).toBe('deputy');
    const notice = allText(doubtReroutedNoticeCard(moved));
    expect(notice).toContain('Ik kon je vraag niet bij je leidinggevende krijgen. Daarom heb ik hem doorgestuurd naar Piet Jansen (vervanger van je leidinggevende).');
  });
});
