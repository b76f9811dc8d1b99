import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, TENANT, user } from '../support/activities.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';
import { FakeOpenAi } from '../support/fake-openai.js';
import { answerCard } from '../../src/cards/answers/answer-card.js';
import type { Passage } from '../../src/core/answering/types.js';
import { INFORMATIVE_TEXT } from '../../src/teams/answer-stream.js';
import { activityText, visibleMessages, type ConnectorCall } from '../support/fake-connector.js';

const teacher = user('stream-docent', 61);
const QUESTION = 'foto van de musical met alle kids erop op mijn eigen fb, kan dat?';
const GOOD = 'Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [P1]';
const LEAD = '**Kort gezegd:** ';
/** The fake sends a few words every 60 ms; the bot updates Teams every 150 ms (in production: every second). */
const SLOW = { dripMs: 60 };

type Body = Record<string, unknown>;
const entities = (a: Body) => (a.entities as Body[] | undefined) ?? [];
const streamInfo = (a: Body) => entities(a).find((e) => e.type === 'streaminfo');
const aiEntity = (a: Body) => entities(a).find((e) => (e.additionalType as string[] | undefined)?.includes('AIGeneratedContent'));

/** One turn as the fake connector saw it: the stream's typing updates, its final message, updates (PUT) after it. */
function turn(calls: ConnectorCall[]) {
  const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body);
  return {
    // teams-ai's own typing indicator (plain typing, after a second) is not part of the stream.
    typing: posts.filter((a) => a.type === 'typing' && streamInfo(a)),
    messages: posts.filter((a) => a.type === 'message'),
    puts: calls.filter((c) => c.method === 'PUT'),
    visible: visibleMessages(calls),
    streamId: calls.find((c) => c.method === 'POST' && c.body.type === 'typing')?.responseId,
  };
}

describe('AI answers streamed in Teams (fake connector, a fake model that streams slowly)', () => {
  const model = new FakeOpenAi();
  let disk: DiskBot;
  let sent: Passage[];
  /** What the teacher sees today for QUESTION: the quote card without AI. */
  let plainText: string;

  beforeAll(async () => {
    const url = await model.start();
    disk = await startDiskBot('oog', {
      env: { AI_ENDPOINT: url, AI_MODEL: 'gpt-4o-mini', AI_PROVIDER: 'openai', AI_TIMEOUT_MS: '5000' },
      overrides: { streamIntervalMs: 150 },
    });
    const result = await disk.bot.deps.answer(QUESTION);
    if (result.kind !== 'answer') throw new Error('the question should be answered from the code');
    sent = [result.best, ...result.related];
    plainText = activityText({ attachments: [{ content: answerCard(result.best, result.related, 'x', 'leidinggevende') }] });
  });
  afterAll(async () => {
    await disk.dispose();
    await model.stop();
  });

  const ask = async (activity: Body = message(teacher, QUESTION, disk.connector.url)) => {
    const before = disk.connector.calls.length;
    const res = await disk.bot.post(activity);
    expect(res.status).toBe(200);
    return turn(disk.connector.calls.slice(before));
  };

  /** The typing updates follow Teams' protocol: informative first, then growing text on one stream id. */
  const expectStreamProtocol = (t: ReturnType<typeof turn>, minUpdates = 2) => {
    expect(t.typing.length).toBeGreaterThanOrEqual(minUpdates);
    expect(streamInfo(t.typing[0]!)).toEqual({ type: 'streaminfo', streamType: 'informative', streamSequence: 1 });
    expect(t.typing[0]!.text).toBe(INFORMATIVE_TEXT);
    t.typing.slice(1).forEach((a, i) => {
      expect(streamInfo(a)).toEqual({ type: 'streaminfo', streamType: 'streaming', streamSequence: i + 2, streamId: t.streamId });
      expect(a.channelData).toMatchObject({ streamType: 'streaming', streamSequence: i + 2, streamId: t.streamId });
      // Teams refuses an update that does not keep what was streamed before.
      if (i > 0) expect(String(a.text).startsWith(String(t.typing[i]!.text))).toBe(true);
    });
    const [final] = t.messages;
    expect(t.messages).toHaveLength(1);
    expect(streamInfo(final!)).toEqual({ type: 'streaminfo', streamType: 'final', streamId: t.streamId });
    return final!;
  };

  it('a Teams 1:1 chat: "Kort gezegd" streams in as the model writes, the final message adds citations, the quote card and 👍/👎', async () => {
    model.behave = () => ({ content: GOOD, ...SLOW });
    const t = await ask();
    expect(model.last().request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const final = expectStreamProtocol(t);
    const streamed = t.typing.slice(1).map((a) => String(a.text));
    // The short answer arrives in parts, never with the model's own [P1] marks.
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    for (const text of streamed) expect(text).toMatch(/^\*\*Kort gezegd:\*\* Nee/);
    expect(streamed.join('')).not.toContain('[P');
    expect(streamed[0]!.length).toBeLessThan(streamed.at(-1)!.length);

    expect(final.text).toBe(`${LEAD}Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [1]`);
    expect(String(final.text).startsWith(streamed.at(-1)!)).toBe(true);
    // [1] opens the quoted passage: Teams' citation 1, in the entity that also carries the "AI generated" label.
    const citation = (aiEntity(final)!.citation as Array<{ position: number; appearance: { name: string; abstract: string } }>)[0]!;
    expect(citation.position).toBe(1);
    expect(sent[0]!.citation.startsWith(citation.appearance.name.replace(/…$/, ''))).toBe(true);
    expect(sent[0]!.quote.replace(/\s+/g, ' ').startsWith(citation.appearance.abstract.replace(/…$/, ''))).toBe(true);
    const text = activityText(final);
    expect(text).toMatch(/"Kort gezegd" is gemaakt met AI/);
    expect(text.endsWith(plainText)).toBe(true);
    expect(t.puts).toHaveLength(0);

    const [thanks] = await disk.bot.click(teacher, actionData({ activity: final, text }, '👍 Nuttig'));
    expect(thanks!.text).toMatch(/Dank je/);
  });

  it.each([
    ['a passage it was not given', 'Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [P9]'],
    ['no citation at all', 'Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders.'],
    ['an answer that runs on too long', `${'Dat mag niet zonder toestemming van de ouders en de school. '.repeat(7)}[P1]`],
  ])('a stream that turns out ungrounded (%s) ends with the quote alone in its place', async (_case, content) => {
    model.behave = () => ({ content, ...SLOW });
    const t = await ask();
    const final = expectStreamProtocol(t);
    const streamed = t.typing.slice(1).map((a) => String(a.text));
    expect(streamed.at(-1)).toMatch(/^\*\*Kort gezegd:\*\* \S/);
    // Teams keeps what was streamed in the final message; the update then replaces the whole message.
    expect(final.text).toBe(streamed.at(-1));
    expect(aiEntity(final)).toBeUndefined();
    expect(t.puts).toHaveLength(1);
    expect(t.puts[0]!.activityId).toBe(t.streamId);
    const replaced = t.puts[0]!.body;
    expect(replaced.text ?? '').toBe('');
    expect(aiEntity(replaced)).toBeUndefined();
    // What stays visible is exactly today's answer: the quote and its source, nothing of the model.
    expect(t.visible).toHaveLength(1);
    expect(activityText(t.visible[0]!)).toBe(plainText);
  });

  it('a model that says NIET_IN_CODE slowly, or whose stream is cut off, never shows that text: the stream ends with the quote', async () => {
    model.behave = () => ({ content: 'NIET_IN_CODE', dripMs: 200 });
    let t = await ask();
    let final = expectStreamProtocol(t, 1);
    expect(t.typing).toHaveLength(1); // only the informative update: nothing of the answer was shown
    expect(activityText(final)).toBe(plainText);
    expect(aiEntity(final)).toBeUndefined();

    model.behave = () => ({ content: GOOD, cutOff: true, ...SLOW });
    t = await ask();
    final = expectStreamProtocol(t);
    expect(t.visible.map((a) => activityText(a))).toEqual([plainText]);
  });

  it('a model that answers within Teams\' pace gets one message, no stream', async () => {
    model.behave = () => ({ content: GOOD });
    const t = await ask();
    expect(t.typing).toHaveLength(0);
    expect(t.messages).toHaveLength(1);
    expect(streamInfo(t.messages[0]!)).toBeUndefined();
    expect(t.messages[0]!.text).toBe(`${LEAD}Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [1]`);
  });

  it('a group chat gets one message (Teams streams only in 1:1 chats), with its citations', async () => {
    model.behave = () => ({ content: GOOD, ...SLOW });
    const inGroup = { ...message(teacher, QUESTION, disk.connector.url), conversation: { id: '19:stream-group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT } };
    const t = await ask(inGroup);
    expect(model.last().request.body.stream).toBe(false);
    expect(t.typing).toHaveLength(0);
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.text).toBe(`${LEAD}Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders. [1]`);
    expect(aiEntity(t.messages[0]!)).toBeDefined();
  });

  it('another channel gets one message, without [1] markers it could not open', async () => {
    model.behave = () => ({ content: GOOD, ...SLOW });
    const t = await ask({ ...message(teacher, QUESTION, disk.connector.url), channelId: 'webchat' });
    expect(t.typing).toHaveLength(0);
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.text).toBe(`${LEAD}Nee, dat mag alleen als je schriftelijke toestemming hebt van de ouders.`);
    expect(activityText(t.messages[0]!).endsWith(plainText)).toBe(true);
  });
});
