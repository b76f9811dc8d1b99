import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFact } from '../../src/cards/posting/posting-precheck-card.js';
import { FACT_IDS, type FactId, type FactValue } from '../../src/core/posting/types.js';
import { user } from '../support/activities.js';
import { findAction, type Reply } from '../support/bot-harness.js';
import { actionData, startDiskBot, type DiskBot } from '../support/disk-bot.js';

interface Scenario {
  id: string;
  org: string;
  situation: string;
  verdict: string;
  rules: string[];
  facts: Record<FactId, FactValue>;
}

const set = JSON.parse(readFileSync(new URL('../../../shared/eval/post-scenarios-public.json', import.meta.url), 'utf8')) as { items: Scenario[] };
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
const HEADLINES: Array<[RegExp, string]> = [
  [/⛔ Nee/, 'nee'],
  [/☑️ Ja, mits/, 'ja, mits'],
  [/✅ Ja/, 'ja'],
  [/🤔 Twijfel/, 'twijfel'],
];

/** Every Input.Toggle of a card: its id and title. */
function toggles(reply: Reply): Array<{ id: string; title: string }> {
  const found: Array<{ id: string; title: string }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Toggle' && typeof o.id === 'string') found.push({ id: o.id, title: String(o.title) });
    Object.values(o).forEach(walk);
  };
  walk(reply.activity.attachments);
  return found;
}

/** The value a pre-ticked statement claims, read back from its Dutch wording. */
function claimed(fact: FactId, title: string): FactValue | undefined {
  return ([true, false, null] as const).find((v) => describeFact(fact, v) === title);
}

interface Played {
  id: string;
  questions: number;
  verdict?: string;
  rulesCited: boolean;
}

/**
 * Plays a scenario as a teacher would: "mag ik dit posten?", the situation typed in the chat, the
 * pre-ticks corrected where they are wrong (unticked), then every question answered from the
 * scenario's facts — every other one typed ("ja", "nee", "weet ik niet") instead of clicked.
 */
async function play(disk: DiskBot, scenario: Scenario, index: number): Promise<Played> {
  const teacher = user(`scenario-${scenario.id}`, 100 + index);
  const bot = disk.bot;
  await bot.say(teacher, 'mag ik dit posten?');
  let [card] = await bot.say(teacher, scenario.situation);
  const shown = toggles(card!).filter((t) => t.id.startsWith('accept.'));
  if (shown.length > 0) {
    const data: Record<string, unknown> = { ...actionData(card!, /Klopt, ga verder|Ga verder/) };
    for (const t of shown) {
      const fact = t.id.slice('accept.'.length) as FactId;
      expect(FACT_IDS).toContain(fact);
      const value = claimed(fact, t.title);
      expect(value, `statement "${t.title}" is one of the known wordings`).not.toBeUndefined();
      data[t.id] = value === scenario.facts[fact] ? 'true' : 'false';
    }
    [card] = await bot.click(teacher, data);
  }
  let questions = 0;
  let promised = Infinity;
  while (findAction(card!.activity, 'Ja')) {
    const counter = /Vraag (\d+) · (?:nog hooguit (\d+) daarna|de laatste vraag)/.exec(card!.text);
    expect(counter, card!.text).not.toBeNull();
    // The counter keeps its promise: the number is right, and no more questions come than promised.
    expect(Number(counter![1])).toBe(questions + 1);
    expect(questions + 1).toBeLessThanOrEqual(promised);
    promised = questions + 1 + Number(counter![2] ?? 0);
    const fact = actionData(card!, 'Ja').fact as FactId;
    const value = scenario.facts[fact];
    questions += 1;
    if (questions % 2 === 0) {
      [card] = await bot.say(teacher, value === true ? 'ja' : value === false ? 'Nee.' : 'weet ik niet');
    } else {
      [card] = await bot.click(teacher, { verb: 'posting.answer', fact, value: value === true ? 'ja' : value === false ? 'nee' : 'weet-niet' });
    }
    if (questions > 14) break;
  }
  const verdict = HEADLINES.find(([pattern]) => pattern.test(card!.text))?.[1];
  const text = normalise(card!.text);
  return { id: scenario.id, questions, ...(verdict ? { verdict } : {}), rulesCited: scenario.rules.every((r) => text.includes(normalise(r))) };
}

describe('"Mag ik dit posten?" played through the chat on the public scenarios', () => {
  const bots = new Map<string, DiskBot>();
  afterAll(async () => {
    for (const disk of bots.values()) await disk.dispose();
  });

  it('reaches the expected verdict with few questions (median ≤ 4, at most 7), citing the deciding rules', async () => {
    const played: Played[] = [];
    for (const [index, scenario] of set.items.entries()) {
      if (!bots.has(scenario.org)) bots.set(scenario.org, await startDiskBot(scenario.org));
      played.push(await play(bots.get(scenario.org)!, scenario, index));
    }
    const counts = played.map((p) => p.questions).sort((a, b) => a - b);
    const median = counts.length % 2 ? counts[(counts.length - 1) / 2]! : (counts[counts.length / 2 - 1]! + counts[counts.length / 2]!) / 2;
    const right = played.filter((p, i) => p.verdict === set.items[i]!.verdict);
    const withRules = right.filter((p) => p.rulesCited);
    const report = played.map((p, i) => `${p.id}: ${p.questions} vragen, ${p.verdict} (verwacht ${set.items[i]!.verdict})${p.rulesCited ? '' : ', regel ontbreekt'}`).join('\n');
    expect(median, report).toBeLessThanOrEqual(4);
    expect(counts.at(-1), report).toBeLessThanOrEqual(7);
    expect(right.length / played.length, report).toBeGreaterThanOrEqual(0.9);
    expect(withRules.length / played.length, report).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
