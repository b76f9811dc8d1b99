import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, message, submit, TENANT, type TestUser } from '../support/activities.js';
import type { BotUnderTest, Reply } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { askLeader, dataDirWithLeaders, PEOPLE, to } from '../support/doubt-helpers.js';
import { FakeClock } from '../support/fake-clock.js';

const { docent, lotte, nina } = PEOPLE;
const GROUP = '19:teamkamer-regenboog@thread.v2';

/** The same activity as in the 1:1 chat, but sent in a group chat where colleagues read along. */
function inGroup(activity: Record<string, unknown>, type: 'groupChat' | 'channel' = 'groupChat'): Record<string, unknown> {
  return { ...activity, conversation: { id: GROUP, conversationType: type, isGroup: true, tenantId: TENANT } };
}

const inGroupChat = (replies: Reply[]) => replies.filter((r) => (r.activity.conversation as { id?: string }).id === GROUP);

describe('personal commands in a group chat are answered in the 1:1 chat', () => {
  const clock = new FakeClock();
  let disk: DiskBot;
  let bot: BotUnderTest;
  let serviceUrl: string;
  const say = (who: TestUser, text: string, type?: 'groupChat' | 'channel') => bot.post(inGroup(message(who, text, serviceUrl), type));

  beforeAll(async () => {
    disk = await startDiskBot('oog', { dataDir: dataDirWithLeaders('mw-group-'), overrides: { clock } });
    bot = disk.bot;
    serviceUrl = disk.connector.url;
    // Lotte (leidinggevende) and the docent have opened their 1:1 chats; Nina never did.
    await bot.say(lotte, 'hallo');
    await askLeader(bot, docent, 'Mag ik een foto van de kerstmarkt delen?');
  });
  afterAll(async () => disk.dispose());

  it.each([
    ['openstaande twijfels', lotte, /Openstaande twijfels|kerstmarkt/],
    ['mijn vragen', docent, /kerstmarkt/],
    ['mijn gegevens', docent, /kerstmarkt/],
    ['verwijder mijn gegevens', docent, /Wil je al je gegevens bij Mediawijs verwijderen/],
    ['onboarding overzicht', lotte, /onboarding/i],
    ['onboarding', docent, /Stap 1 van/],
    ['twijfel', docent, /Vraag mijn leidinggevende|leidinggevende/],
    ['ik twijfel of ik een foto van de klas mag delen', docent, /leidinggevende/],
  ])('"%s" in a group: a note in the group, the answer in the 1:1 chat', async (text, who, expected) => {
    const res = await say(who, text);
    expect(res.status).toBe(200);
    const group = inGroupChat(res.replies);
    expect(group).toHaveLength(1);
    expect(group[0]!.text).toMatch(/persoonlijk.*1-op-1-chat/);
    expect(group[0]!.activity.attachments ?? []).toEqual([]);
    expect(group[0]!.text).not.toContain('kerstmarkt');
    const personal = to(res.replies, who);
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.map((r) => r.text).join('\n')).toMatch(expected);
  });

  it('in a channel too', async () => {
    const res = await say(lotte, 'openstaande twijfels', 'channel');
    expect(inGroupChat(res.replies)[0]!.text).toMatch(/1-op-1-chat/);
    expect(to(res.replies, lotte).map((r) => r.text).join('\n')).toContain('kerstmarkt');
  });

  it('someone who never opened the bot is asked to open the 1:1 chat, and nothing personal is shown', async () => {
    const res = await say(nina, 'mijn gegevens');
    expect(res.replies).toHaveLength(1);
    expect(res.replies[0]!.text).toMatch(/Open een chat met mij \(Mediawijs\) en typ daar "mijn gegevens"/);
  });

  it('a question is answered in the group itself, and its "ask my leidinggevende" button opens the doubt privately', async () => {
    const res = await say(docent, 'mag ik een foto van mijn klas op insta zetten?');
    const [answer] = inGroupChat(res.replies);
    expect(answer!.text).toMatch(/toestemming/);
    const compose = await bot.post(inGroup(submit(docent, { verb: 'doubt.compose' }, serviceUrl)));
    expect(inGroupChat(compose.replies)[0]!.text).toMatch(/1-op-1-chat/);
    expect(to(compose.replies, docent)[0]!.text).toMatch(/leidinggevende/);
  });

  it('the posting check runs in the group', async () => {
    const res = await say(docent, 'mag ik dit posten?');
    expect(inGroupChat(res.replies)).toHaveLength(1);
    expect(inGroupChat(res.replies)[0]!.text).not.toMatch(/persoonlijk/);
  });

  it.each([
    ['a doubt list button', { verb: 'doubt.open', list: 'open' }],
    ['the delete confirmation', { verb: 'privacy.delete' }],
    ['an onboarding step', { verb: 'onboarding.start' }],
    ['a doubt resolve button', { verb: 'doubt.resolve', doubtId: 'x' }],
  ])('refuses %s clicked in a group, and changes nothing', async (_name, value) => {
    const before = await bot.deps.store.doubts.listByAsker(docent.aadObjectId);
    const res = await bot.post(inGroup(submit(docent, value, serviceUrl)));
    expect(res.replies).toHaveLength(1);
    expect(res.replies[0]!.text).toMatch(/alleen in je 1-op-1-chat/);
    expect(await bot.deps.store.doubts.listByAsker(docent.aadObjectId)).toEqual(before);
  });

  it('refuses a leader answer (Action.Execute) in a group with a message, not the doubt card', async () => {
    const [doubt] = await bot.deps.store.doubts.listByAsker(docent.aadObjectId);
    const res = await bot.post(inGroup(execute(lotte, 'doubt.answer', { doubtId: doubt!.id, decision: 'approve' }, serviceUrl)));
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/alleen in je 1-op-1-chat/);
    expect(res.body).not.toContain('kerstmarkt');
    expect((await bot.deps.store.doubts.get(doubt!.id))!.status).toBe(doubt!.status);
  });
});
