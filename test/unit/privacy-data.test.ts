import { describe, expect, it } from 'vitest';
import { deletePersonalData, exportPersonalData, formatDeletionSummary, formatPersonalDataText, type PersonalDataProvider } from '../../src/core/privacy/personal-data.js';
import { anna, harness, jan, ok, piet } from './doubts-harness.js';

describe('retention', () => {
  const cases: Array<[string, string, boolean]> = [
    ['just before 12 months', '2027-11-23T08:59:00Z', false],
    ['at 12 months', '2027-11-23T09:00:00Z', true],
  ];
  it.each(cases)('anonymises a closed doubt %s: %s', async (_name, at, expired) => {
    const { service, store, clock } = harness();
    const id = ok(await service.submit(jan, 'Mag ik deze foto van Sara delen? Bel 06-12345678')).doubt.id;
    ok(await service.answer(anna, id, 'reject', 'Nee, vraag eerst toestemming.'));
    ok(await service.resolve(jan, id));
    clock.set(at);
    expect(await service.maintenance.anonymiseExpired()).toBe(expired ? 1 : 0);
    const doubt = (await store.get(id))!;
    if (!expired) {
      expect(doubt.askerId).toBe('teacher-jan');
      return;
    }
    expect(doubt).toMatchObject({ askerId: 'anoniem', status: 'resolved', lastDecision: 'reject', createdAt: '2026-11-23T09:00:00.000Z', assigneeIds: [] });
    expect(doubt.messages.map((m) => [m.kind, m.text, m.decision])).toEqual([
      ['doubt', '', undefined],
      ['answer', '', 'reject'],
    ]);
    const serialised = JSON.stringify(doubt);
    for (const secret of ['Sara', '0612345678', '06-12345678', 'toestemming', 'teacher-jan', 'leader-anna', 'Anna', 'Jan']) expect(serialised).not.toContain(secret);
    expect(await service.listMine(jan)).toHaveLength(0);
    expect(await service.maintenance.anonymiseExpired()).toBe(0); // done once
  });

  it('anonymises an open doubt nobody touched for the retention period', async () => {
    const { service, store, clock } = harness({ settings: { retentionMonths: 1 } });
    const id = ok(await service.submit({ id: 'nobody', name: 'Niemand' }, 'Vergeten vraag')).doubt.id;
    await store.put({ ...(await store.get(id))!, stage: 'unassigned', assigneeIds: [], assignees: [] });
    clock.set('2026-12-23T09:00:00Z');
    expect(await service.maintenance.anonymiseExpired()).toBe(1);
    expect(await store.get(id)).toMatchObject({ open: false, askerId: 'anoniem' });
  });
});

describe('mijn gegevens / verwijder mijn gegevens', () => {
  it('exports what is stored about a user as asker and as assignee', async () => {
    const { service } = harness();
    const id = ok(await service.submit(jan, 'Mag dit filmpje online?', { draftText: 'Kijk ons schoolreisje!' })).doubt.id;
    ok(await service.answer(anna, id, 'adjust', 'Zonder gezichten graag.'));
    const mine = await service.exportUserData(jan);
    expect(mine.map((s) => [s.source, s.records.length])).toEqual([
      ['doubts-asked', 1],
      ['doubts-assigned', 0],
    ]);
    const fields = Object.fromEntries(mine[0]!.records[0]!.fields.map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({ 'Je vraag': 'Mag dit filmpje online?', 'Het bericht dat je wilde plaatsen': 'Kijk ons schoolreisje!', 'Antwoord van Anna de Vries': 'Aanpassen: Zonder gezichten graag.' });
    const hers = await service.exportUserData(anna);
    expect(hers[1]!.records[0]!.fields).toContainEqual({ label: 'Jouw antwoord', value: 'Aanpassen: Zonder gezichten graag.' });
    expect(hers[1]!.records[0]!.fields).toContainEqual({ label: 'Gevraagd door', value: 'Jan Smit' });
    expect(formatPersonalDataText(mine)).toContain('Mag dit filmpje online?');
  });

  it('deletes closed doubts, withdraws and anonymises open ones the leader holds', async () => {
    const { service, store } = harness();
    const closed = ok(await service.submit(jan, 'Oude vraag')).doubt.id;
    ok(await service.answer(anna, closed, 'approve'));
    ok(await service.resolve(jan, closed));
    const open = ok(await service.submit(jan, 'Open vraag met 06-12345678')).doubt.id;

    const summary = await service.deleteUserData(jan);
    expect(summary).toEqual({ source: 'doubts', deleted: 1, anonymised: 1 });
    expect(await store.get(closed)).toBeUndefined();
    const kept = (await store.get(open))!;
    expect(kept).toMatchObject({ askerId: 'anoniem', open: false, status: 'closed' });
    expect(JSON.stringify(kept)).not.toMatch(/Open vraag|12345678|teacher-jan|Jan Smit/);
    expect(await service.listOpenFor(anna)).toHaveLength(0);
    expect(await service.exportUserData(jan)).toEqual(expect.arrayContaining([expect.objectContaining({ records: [] })]));
    expect((await service.exportUserData(jan)).every((s) => s.records.length === 0)).toBe(true);
  });

  it('removes a leader\'s identity and moves their waiting doubts to the deputy', async () => {
    const { service, store } = harness();
    const id = ok(await service.submit(jan, 'Mag dit?')).doubt.id;
    const summary = await service.deleteUserData(anna);
    expect(summary.anonymised).toBe(1);
    const doubt = (await store.get(id))!;
    expect(doubt.assigneeIds).toEqual(['leader-piet']);
    expect(JSON.stringify(doubt)).not.toMatch(/leader-anna|Anna/);
    expect((await service.listOpenFor(piet)).map((d) => d.id)).toEqual([id]);
    expect((await service.listMine(jan))[0]!.messages[0]!.text).toBe('Mag dit?');
  });

  it('composes providers the shell adds and summarises in Dutch', async () => {
    const { service } = harness();
    ok(await service.submit(jan, 'Vraag'));
    const feedback: PersonalDataProvider = {
      source: 'feedback',
      exportFor: async () => [{ source: 'feedback', title: 'Je feedback', purpose: 'Om antwoorden te verbeteren.', records: [{ heading: '1 duim omhoog', fields: [] }] }],
      deleteFor: async () => ({ source: 'feedback', deleted: 1, anonymised: 0 }),
    };
    const sections = await exportPersonalData([service.asPersonalDataProvider(), feedback], jan);
    expect(sections.map((s) => s.source)).toEqual(['doubts-asked', 'doubts-assigned', 'feedback']);
    const summaries = await deletePersonalData([service.asPersonalDataProvider(), feedback], jan);
    expect(formatDeletionSummary(summaries)).toBe('Klaar. 1 gegeven is verwijderd; 1 twijfel is bewaard zonder je naam en tekst, omdat een ander die nog in behandeling had.');
    expect(formatPersonalDataText([])).toMatch(/geen gegevens/);
  });
});

describe('"mijn gegevens" card', () => {
  it('shows one block per kind with why it is kept and how to delete it, and a delete button', async () => {
    const { myDataCard } = await import('../../src/cards/privacy/my-data-card.js');
    const { PRIVACY_VERBS } = await import('../../src/cards/privacy/privacy-actions.js');
    const { activityText } = await import('../support/fake-connector.js');
    const sections = [
      { source: 'doubts-asked', title: 'Je twijfels', purpose: 'Zodat je het antwoord terugvindt.', removal: 'Wis ze met "verwijder mijn gegevens".', records: [{ heading: 'Twijfel van 1 maart', fields: [{ label: 'Je vraag', value: 'Mag dit?' }] }] },
      { source: 'conversation', title: 'Je chat met Mediawijs', purpose: 'Om je te kunnen bereiken.', records: [{ heading: 'Zodat ik je een bericht kan sturen', fields: [{ label: 'Laatst bijgewerkt', value: '2 maart' }] }] },
      { source: 'feedback', title: 'Je reacties', purpose: 'Om te verbeteren.', records: [] },
    ];
    const c = myDataCard(sections, { conversation: 'Wis deze verwijzing met "verwijder mijn gegevens".' });
    const text = activityText({ attachments: [{ content: c }] });
    expect(text.indexOf('Je twijfels')).toBeLessThan(text.indexOf('Wis ze met'));
    expect(text.indexOf('Je chat met Mediawijs')).toBeLessThan(text.indexOf('Wis deze verwijzing'));
    expect(text).not.toContain('Je reacties');
    expect(text).not.toMatch(/\(\d+\)/);
    expect(c.actions?.[0]).toMatchObject({ title: 'Verwijder mijn gegevens', data: { verb: PRIVACY_VERBS.askDelete } });
    expect(activityText({ attachments: [{ content: myDataCard([]) }] })).toMatch(/geen gegevens/);
  });
});
