import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/cards/shared/adaptive-card.js';
import { doubtAnswerCard, doubtDetailCard, doubtReroutedNoticeCard, doubtSentCard, myDoubtsCard } from '../../src/cards/doubts/doubt-asker-cards.js';
import { doubtComposeCard } from '../../src/cards/doubts/doubt-compose-card.js';
import { doubtLeaderCard, doubtOutcomeCard } from '../../src/cards/doubts/doubt-leader-card.js';
import { openDoubtsCard } from '../../src/cards/doubts/doubt-list-cards.js';
import { doubtCardForViewer, doubtNotificationCard } from '../../src/cards/doubts/doubt-notification-card.js';
import { DOUBT_ANSWER_VERB, DOUBT_CANCEL_VERB, DOUBT_FOLLOW_UP_VERB, DOUBT_REDACT_VERB, DOUBT_RESOLVE_VERB, DOUBT_SEND_VERB } from '../../src/cards/doubts/doubt-actions.js';
import { createLeaderDirectory } from '../../src/core/doubts/leader-directory.js';
import { findPersonalData } from '../../src/core/privacy/detect.js';
import { anna, harness, jan, MONDAY, ok, parseLeaderMapping, stranger } from './doubts-harness.js';

const texts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = ['text', 'title', 'label', 'value'].flatMap((k) => (typeof o[k] === 'string' ? [o[k]] : []));
    return [...own, ...Object.values(o).flatMap(texts)];
  }
  return [];
};
const allText = (c: AdaptiveCard) => texts(c).join('\n');
const actionTitles = (c: AdaptiveCard) => (c.actions ?? []).map((a) => a.title);

function expectValid(c: AdaptiveCard) {
  expect(c).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(allText(c)).not.toMatch(/undefined|null|\[object/);
}

const CASE = {
  draftText: 'Wat een leuke dag met groep 7!',
  answers: [{ question: 'Staan er leerlingen herkenbaar op?', answer: 'Ja' }],
  verdict: 'Twijfel',
  rules: [{ id: 'r1', citation: 'OOG, Code Sociale Media, regel 8', quote: 'Bij twijfel: niet publiceren.' }],
};

async function answeredDoubt(decision: 'approve' | 'reject' | 'adjust' | 'discuss', comment?: string) {
  const { service } = harness();
  const id = ok(await service.submit(jan, 'Mag ik deze foto plaatsen?', CASE)).doubt.id;
  return ok(await service.answer(anna, id, decision, comment)).doubt;
}

describe('doubt cards', () => {
  it('compose card: recipient, privacy warning, and the redact offer only when something was found', () => {
    const plain = doubtComposeCard({ recipientLabel: 'Anna de Vries (leidinggevende)', data: { caseKey: 'c1' } });
    expectValid(plain);
    expect(allText(plain)).toContain('Anna de Vries (leidinggevende)');
    expect(allText(plain)).toMatch(/geen namen, foto’s of andere persoonsgegevens van leerlingen/);
    expect((plain.actions ?? []).map((a) => (a.data as { verb: string }).verb)).toEqual([DOUBT_SEND_VERB, DOUBT_CANCEL_VERB]);
    expect((plain.actions ?? [])[0]!.data).toEqual({ caseKey: 'c1', verb: DOUBT_SEND_VERB });

    const text = 'Mag ik dit delen? Ouder: 06-12345678, piet@gmail.com';
    const found = doubtComposeCard({ text, detected: findPersonalData(text), draftText: CASE.draftText, data: { composeId: 'c2' } }, { leaderTerm: 'teamleider' });
    expectValid(found);
    // No plain "Verstuur": sending what was found takes its own, explicit button.
    expect(actionTitles(found)).toEqual(['Vervang ze', 'Haal ze weg', 'Verstuur zoals het is', 'Annuleer']);
    expect((found.actions ?? []).map((a) => a.data)).toEqual([
      { composeId: 'c2', mode: 'replace', verb: DOUBT_REDACT_VERB },
      { composeId: 'c2', mode: 'remove', verb: DOUBT_REDACT_VERB },
      { composeId: 'c2', sendAsIs: true, verb: DOUBT_SEND_VERB },
      { composeId: 'c2', verb: DOUBT_CANCEL_VERB },
    ]);
    expect(allText(found)).toContain('telefoonnummer: **06-12345678** → [telefoonnummer]');
    expect(allText(found)).toContain('e-mailadres: **piet@gmail.com** → [e-mailadres]');
    const oneKind = doubtComposeCard({ detected: findPersonalData('Mag ik leerling Jayden de Boer taggen?') });
    expect(actionTitles(oneKind)[0]).toBe('Vervang door [leerling]');
    expect(allText(found)).toContain('Vraag mijn teamleider');

    expect(allText(doubtComposeCard({}))).toMatch(/weet nog niet wie je leidinggevende is/);
    expect(allText(doubtComposeCard({ selfRouted: true }))).toMatch(/zelf ingesteld/);
  });

  it('leader card: the case, five Action.Execute answers and a refresh', async () => {
    const { service } = harness();
    const doubt = ok(await service.submit(jan, 'Mag ik deze foto plaatsen?', CASE)).doubt;
    const c = doubtLeaderCard(doubt, { leaderTerm: 'leidinggevende', refreshUserIds: ['29:anna'] });
    expectValid(c);
    const text = allText(c);
    for (const part of ['Jan Smit', 'Mag ik deze foto plaatsen?', CASE.draftText, 'Staan er leerlingen herkenbaar op?', 'Twijfel', 'Bij twijfel: niet publiceren.', 'OOG, Code Sociale Media, regel 8']) expect(text).toContain(part);
    expect(actionTitles(c)).toEqual(['Mag geplaatst worden', 'Niet plaatsen', 'Aanpassen', 'Bespreek ik persoonlijk', 'Doorsturen naar Communicatie']);
    for (const a of c.actions ?? []) expect(a).toMatchObject({ type: 'Action.Execute', verb: DOUBT_ANSWER_VERB, data: { doubtId: doubt.id } });
    expect(texts(c.body).length).toBeGreaterThan(0);
    expect(JSON.stringify(c.body)).toContain('"id":"comment"');
    expect(c.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Vernieuwen', verb: 'doubt.refresh', data: { doubtId: doubt.id } }, userIds: ['29:anna'] });
  });

  it('leader card without a Communicatie contact has no forward button', async () => {
    const directory = createLeaderDirectory({ mapping: parseLeaderMapping('version: 1\nleaders:\n  anna: { id: leader-anna }\nusers:\n  teacher-jan: anna\n', 'x.yaml') });
    const { service } = harness({ directory });
    const doubt = ok(await service.submit(jan, 'Vraag')).doubt;
    expect(actionTitles(doubtLeaderCard(doubt))).not.toContain('Doorsturen naar Communicatie');
  });

  const outcomes: Array<['approve' | 'reject' | 'adjust' | 'discuss', string | undefined, string]> = [
    ['approve', undefined, 'Mag geplaatst worden'],
    ['reject', 'Niet doen, herkenbare kinderen.', 'Niet plaatsen'],
    ['adjust', 'Haal de namen weg.', 'Aanpassen'],
    ['discuss', undefined, 'Bespreek ik persoonlijk'],
  ];
  it.each(outcomes)('after "%s" the leader card becomes the outcome and the asker gets the answer', async (decision, comment, label) => {
    const doubt = await answeredDoubt(decision, comment);
    const outcome = doubtOutcomeCard(doubt);
    expectValid(outcome);
    expect(outcome.actions).toBeUndefined();
    expect(allText(outcome)).toContain(`Beantwoord: **${label}**`);
    expect(doubtLeaderCard(doubt)).toEqual(outcome); // a refresh after answering shows the outcome

    const answer = doubtAnswerCard(doubt);
    expectValid(answer);
    expect(allText(answer)).toContain(label);
    if (comment) expect(allText(answer)).toContain(comment);
    expect(actionTitles(answer)).toEqual(['Opgelost', 'Ik heb nog een vraag']);
    expect((answer.actions ?? [])[0]!.data).toEqual({ doubtId: doubt.id, verb: DOUBT_RESOLVE_VERB });
    expect(JSON.stringify(answer.actions)).toContain(`"verb":"${DOUBT_FOLLOW_UP_VERB}"`);
  });

  it('confirmation tells the asker honestly what happens next', async () => {
    const { service } = harness({ unreachable: ['leader-anna'] });
    const waiting = ok(await service.submit(jan, 'Vraag'));
    expect(allText(doubtSentCard(waiting))).toMatch(/Anna de Vries \(leidinggevende\)\. Die heeft Mediawijs nog niet geopend\. Zodra die Mediawijs opent/);
    expect(allText(doubtSentCard(waiting))).toMatch(/geen reactie\? Dan gaat je vraag naar Piet Jansen \(vervanger van je leidinggevende\)/);
    const direct = doubtSentCard({ ...waiting, outlook: 'direct' });
    expect(allText(direct)).toContain('verstuurd naar Anna de Vries (leidinggevende)');
    expect(allText(direct)).toMatch(/Dan gaat je vraag naar Piet Jansen/);
    const none = doubtSentCard({ doubt: { ...waiting.doubt, stage: 'unassigned' }, outlook: 'no-recipient', recipientRole: 'none' }, { leaderTerm: 'teamleider' });
    expect(allText(none)).toMatch(/weet nog niet wie je teamleider is.*zelf aan je teamleider/s);
  });

  it('lists, reminders, reroute notices and the notification dispatcher', async () => {
    const { service, clock } = harness();
    const first = ok(await service.submit(jan, 'Eerste vraag over een foto')).doubt;
    clock.set('2026-11-25T09:00:00Z');
    ok(await service.submit(jan, 'Tweede vraag'));
    const open = openDoubtsCard(await service.listOpenFor(anna), new Date('2026-11-25T10:00:00Z'));
    expectValid(open);
    expect(allText(open)).toMatch(/2 vragen wachten/);
    expect(allText(open).indexOf('Eerste vraag')).toBeLessThan(allText(open).indexOf('Tweede vraag'));
    expect(allText(open)).toContain('2 dagen geleden');
    expect(allText(openDoubtsCard([], MONDAY))).toMatch(/geen vragen/);

    const mine = myDoubtsCard(await service.listMine(jan));
    expect(allText(mine).indexOf('Tweede vraag')).toBeLessThan(allText(mine).indexOf('Eerste vraag'));
    expect(allText(myDoubtsCard([]))).toMatch(/nog geen vragen/);
    expect(allText(doubtDetailCard(first))).toContain('Eerste vraag over een foto');

    const forwarded = ok(await service.answer(anna, first.id, 'forward', 'Kijken jullie mee?')).doubt;
    const kinds = forwarded.outbox.filter((n) => !n.supersededAt).map((n) => n.kind);
    expect(kinds).toEqual(['rerouted', 'escalated-asker-notice']);
    const toComm = doubtNotificationCard(forwarded, forwarded.outbox.find((n) => n.kind === 'rerouted')!);
    expect(allText(toComm)).toMatch(/stuurt je deze vraag van Jan Smit door/);
    expect(allText(doubtReroutedNoticeCard(forwarded))).toMatch(/Je leidinggevende heeft je vraag doorgestuurd naar .*Communicatie/);
    const reminder = doubtNotificationCard(forwarded, { ...forwarded.outbox[0]!, kind: 'reminder' });
    expect(allText(reminder)).toMatch(/^Herinnering: Jan Smit wacht nog/);
  });

  it('refresh shows each viewer only what they may see', async () => {
    const { service } = harness();
    const doubt = ok(await service.submit(jan, 'Geheime vraag')).doubt;
    expect(actionTitles(doubtCardForViewer(doubt, anna))).toHaveLength(5);
    expect(allText(doubtCardForViewer(doubt, jan))).toContain('Geheime vraag');
    for (const c of [doubtCardForViewer(doubt, stranger), doubtCardForViewer(undefined, anna)]) {
      expect(allText(c)).not.toContain('Geheime vraag');
      expect(allText(c)).toMatch(/kan ik niet laten zien/);
    }
  });
});
