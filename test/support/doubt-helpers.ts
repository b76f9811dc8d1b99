import { actionData } from './disk-bot.js';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { teamsMember, user, type TestUser } from './activities.js';
import type { FakeConnector } from './fake-connector.js';
import { type BotUnderTest, type Reply } from './bot-harness.js';

/** People of test/fixtures/leaders-bot.yaml. */
export const PEOPLE = {
  docent: user('docent', 11),
  lotte: user('lotte', 12),
  victor: user('victor', 13),
  comm: user('comm', 14),
  docent2: user('docent2', 15),
  onbekend: user('onbekend', 16),
  nina: user('nina', 17),
  docent3: user('docent3', 18),
};

/** Makes the fake connector answer member look-ups for everyone in {@link PEOPLE}, as Teams would. */
export function registerPeople(connector: FakeConnector): void {
  for (const person of Object.values(PEOPLE)) connector.addMember(teamsMember(person, `${person.name}@oog.example`));
}

export const LEADERS_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/leaders-bot.yaml');

/** A fresh DATA_DIR holding the bot's leader mapping as leaders.yaml. */
export function dataDirWithLeaders(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  copyFileSync(LEADERS_FIXTURE, path.join(dir, 'leaders.yaml'));
  return dir;
}

/** Replies that went to this user's 1:1 chat. */
export function to(replies: Reply[], who: TestUser): Reply[] {
  return replies.filter((r) => (r.activity.conversation as { id?: string } | undefined)?.id === who.conversationId);
}

export { actionData };

/** "twijfel" → compose card → "Verstuur" with the text; returns the compose card and the send replies. */
export async function askLeader(bot: BotUnderTest, who: TestUser, text: string, draftText = ''): Promise<{ compose: Reply; replies: Reply[] }> {
  const [compose] = await bot.say(who, 'twijfel');
  if (!compose) throw new Error('no compose card');
  const replies = await bot.click(who, { ...actionData(compose, 'Verstuur'), doubtText: text, draftText });
  return { compose, replies };
}
