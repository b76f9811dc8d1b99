import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../support/activities.js';
import { findAction, startBot, type BotUnderTest, type Reply } from '../support/bot-harness.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { STUB_BOARD, STUB_KNOWLEDGE, STUB_SECTION, stubAnswer, stubDeps } from '../support/stub-deps.js';
import type { AppStore } from '../../src/teams/deps.js';
import type { AnswerResult, Passage } from '../../src/core/answering/types.js';
import type { Section } from '../../src/core/knowledge/types.js';
import { openFeedbackReader } from '../../src/store/open-data-store.js';
import { wordRuns } from '../../tools/lib/eval-scoring.js';
import { loadKnowledge } from '../../src/board/board-files.js';

const teacher = user('twijfelende-docent', 41);

const section = (id: string, headingPath: string[], text: string, rule?: string): Section => ({
  id,
  org: 'oog',
  headingPath,
  audience: ['medewerkers'],
  text,
  ...(rule ? { rule } : {}),
});

const BOARD = section(
  'test:4.1.p1',
  ['4 Verantwoordelijkheden', '4.1 Openbaar Onderwijs Groningen'],
  'Het bestuur van de stichting stelt deze code vast na instemming van de medezeggenschapsraad en evalueert haar elke twee jaar.',
);
const SCHOOL = section(
  'test:4.2.p1',
  ['4 Verantwoordelijkheden', '4.2 School'],
  'De directeur van elke school zorgt dat alle medewerkers de code kennen en spreekt hen aan wanneer zij zich er niet aan houden.',
);
const NOT_OFFERED = section('test:4.3.p1', ['4 Verantwoordelijkheden', '4.3 Medewerkers'], 'Medewerkers zijn zelf verantwoordelijk voor wat zij op hun eigen accounts plaatsen en delen.');
const KNOWLEDGE = { ...STUB_KNOWLEDGE, sections: [STUB_SECTION, BOARD, SCHOOL, NOT_OFFERED] };
const CITATION = (s: Section) => `Openbaar Onderwijs Groningen, Code Sociale Media, ${s.headingPath.at(-1)}`;
const passage = (s: Section): Passage => ({ section: s, quote: s.text, citation: CITATION(s) });

/** Unsure (deterministically) about who made the code, and about doubts; else the shell stub. */
function answer(question: string): AnswerResult {
  if (/wie heeft|twijfel/i.test(question)) return { kind: 'unsure', candidates: [passage(BOARD), passage(SCHOOL)], confidence: 0.15 };
  return stubAnswer(question);
}

/** True when the reply shares a run of 8 words with the text. */
const quotes = (reply: string, text: string): boolean => {
  const runs = wordRuns(text);
  return [...wordRuns(reply)].some((run) => runs.has(run));
};

describe('"Bedoel je…?" over HTTP (stub answers)', () => {
  let bot: BotUnderTest;
  let store: AppStore;
  const ask = async (text: string): Promise<Reply> => (await bot.say(teacher, text))[0]!;
  // The fixed clock gives every record the same moment, so records are found by what they hold.
  const stored = async (verdict: string, question: RegExp) => (await store.feedback.list()).find((f) => f.verdict === verdict && question.test(f.question));

  beforeAll(async () => {
    bot = await startBot({
      deps: () => {
        const built = stubDeps({ board: { ...STUB_BOARD, knowledge: KNOWLEDGE }, answer: async (q) => answer(q) });
        store = built.store;
        return built.deps;
      },
    });
  });
  afterAll(async () => bot.stop());

  it('says it is not sure and offers the candidates as buttons named by their heading, quoting nothing', async () => {
    const reply = await ask('wie heeft die code eigenlijk gemaakt?');
    expect(reply.text).toMatch(/Ik weet het niet zeker/);
    expect(reply.text).toMatch(/Bedoel je een van deze onderwerpen/);
    expect(findAction(reply.activity, 'Openbaar Onderwijs Groningen')).toMatchObject({ type: 'Action.Submit' });
    expect(findAction(reply.activity, 'School')).toMatchObject({ type: 'Action.Submit' });
    expect(findAction(reply.activity, 'Vraag mijn leidinggevende')).toBeDefined();
    for (const s of KNOWLEDGE.sections) expect(quotes(reply.text, s.text)).toBe(false);
    expect(reply.text).not.toMatch(/Bron:/);
  });

  it('records the "Bedoel je…?" with its candidates, without a user id', async () => {
    await ask('wie heeft de code goedgekeurd? bel me op 06-12345678');
    const record = await stored('unsure', /goedgekeurd/);
    expect(record).toMatchObject({ org: 'oog', candidates: [BOARD.id, SCHOOL.id] });
    expect(record!.question).toBe('wie heeft de code goedgekeurd? bel me op [telefoonnummer verwijderd]');
    expect(record).not.toHaveProperty('userId');
  });

  it('opens the chosen passage with its citation, records the choice without a user id, and its 👍 works', async () => {
    const offer = await ask('wie heeft de code vastgesteld?');
    const opened = (await bot.click(teacher, actionData(offer, 'Openbaar Onderwijs Groningen')))[0]!;
    expect(opened.text).toContain(BOARD.text);
    expect(opened.text).toContain(`Bron: ${CITATION(BOARD)}`);

    const chosen = await stored('chosen', /vastgesteld/);
    expect(chosen).toMatchObject({ question: 'wie heeft de code vastgesteld?', sectionId: BOARD.id });
    expect(chosen).not.toHaveProperty('userId');

    const [thanks] = await bot.click(teacher, actionData(opened, '👍 Nuttig'));
    expect(thanks!.text).toMatch(/Dank je/);
    const rated = await stored('up', /vastgesteld/);
    expect(rated).toMatchObject({ sectionId: BOARD.id, question: 'wie heeft de code vastgesteld?', userId: teacher.aadObjectId });
  });

  it('refuses a forged section id, a section of another answer and an unknown answer id', async () => {
    const offer = await ask('wie heeft dit bedacht?');
    const data = actionData(offer, 'School');
    const before = (await store.feedback.list()).length;
    for (const forged of [
      { ...data, sectionId: NOT_OFFERED.id },
      { ...data, sectionId: STUB_SECTION.id },
      { ...data, sectionId: 'oog:does-not-exist' },
      { ...data, answerId: 'never-given' },
      { ...data, sectionId: 42 },
      { verb: data.verb },
    ]) {
      const [reply] = await bot.click(teacher, forged);
      expect(reply!.text).toMatch(/knop werkt niet meer/);
      expect(reply!.text).not.toContain(NOT_OFFERED.text);
    }
    expect(await store.feedback.list()).toHaveLength(before);
    // The real button still works after the refusals.
    const [opened] = await bot.click(teacher, data);
    expect(opened!.text).toContain(SCHOOL.text);
  });

  it('a click from another conversation (a stale or copied card) is refused', async () => {
    const offer = await ask('wie heeft dat geschreven?');
    const [reply] = await bot.click(user('iemand-anders', 42), actionData(offer, 'School'));
    expect(reply!.text).toMatch(/knop werkt niet meer/);
  });

  it('stores an unanswered question without a user id, e-mail address removed, and keeps the not-found card', async () => {
    const reply = await ask('wanneer wordt het salaris overgemaakt? mail me op piet@school.nl');
    expect(reply.text).toMatch(/geen antwoord op je vraag gevonden/);
    const record = await stored('unanswered', /salaris/);
    expect(record).toMatchObject({ org: 'oog', question: 'wanneer wordt het salaris overgemaakt? mail me op [e-mailadres verwijderd]' });
    expect(record).not.toHaveProperty('userId');
    expect(record).not.toHaveProperty('sectionId');
  });

  it('"Vraag mijn leidinggevende" on the "Bedoel je…?" card opens the doubt with the question filled in', async () => {
    const offer = await ask('wie heeft de regels voor onze school opgesteld?');
    const [compose] = await bot.click(teacher, actionData(offer, 'Vraag mijn leidinggevende'));
    expect(compose!.text).toMatch(/Vraag mijn leidinggevende/);
    expect(compose!.text).toContain('wie heeft de regels voor onze school opgesteld?');
  });

  it('a doubt the bot is unsure about opens the compose card without a quote (no lead)', async () => {
    const [reply] = await bot.say(teacher, 'ik twijfel of ik dit bericht mag delen');
    expect(reply!.text).toMatch(/Vraag mijn leidinggevende/);
    expect(reply!.text).not.toMatch(/Dit staat in de code/);
    expect(reply!.text).not.toContain(BOARD.text);
  });

  it('"mijn gegevens" shows the user\'s own reactions, not the learning records without a name', async () => {
    const [reply] = await bot.say(teacher, 'mijn gegevens');
    expect(reply!.text).toContain('wie heeft de code vastgesteld?');
    expect(reply!.text).not.toContain('salaris');
    expect(reply!.text).toMatch(/zonder je naam of account/);
  });
});

describe('"Bedoel je…?" with the real OOG knowledge', () => {
  let disk: DiskBot;
  beforeAll(async () => {
    disk = await startDiskBot('oog');
  });
  afterAll(async () => disk.dispose());

  it('offers OOG passages for "wie gaat er eigenlijk over die code", without an 8-word run of the code, and opens one', async () => {
    const [offer] = await disk.bot.say(teacher, 'wie gaat er eigenlijk over die code');
    expect(offer!.text).toMatch(/Ik weet het niet zeker/);
    const code = readFileSync(path.resolve(import.meta.dirname, '../../../shared/protocols/oog.txt'), 'utf8');
    expect(quotes(offer!.text, code)).toBe(false);
    // Buttons carry the sections' hand-written titles; one of them is a paragraph of 4.1.
    const titles41 = loadKnowledge('knowledge', 'oog').sections.filter((s) => s.headingPath.at(-1)?.startsWith('4.1')).map((s) => s.title!);
    const data = actionData(offer!, new RegExp(titles41.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
    const [opened] = await disk.bot.click(teacher, data);
    expect(opened!.text).toMatch(/Bron: Openbaar Onderwijs Groningen, Code Sociale Media, 4\.1 Openbaar Onderwijs Groningen/);

    // What was stored is on disk, through the real adapter, without a user id (read as the review tool reads it).
    const records = await openFeedbackReader(disk.dataDir).list();
    expect(records.map((r) => r.verdict)).toEqual(['unsure', 'chosen']);
    expect(records.every((r) => r.userId === undefined)).toBe(true);
    expect(records[1]!.sectionId).toBe(data.sectionId);
  });
});

