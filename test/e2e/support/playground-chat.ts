import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../tools/lib/bot-process.js';

/** Where {@link PlaygroundChat.screenshot} writes (git-ignored via test-results/). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

// DOM of Agents Playground 0.2.x, found by inspecting it: bot messages are Fluent AI output cards,
// the composer is a Lexical editor, Adaptive Cards use the standard `ac-*` classes.
const BOT_MESSAGE = '.fai-OutputCard';
const COMPOSER = '[data-lexical-editor="true"]';
const CARD = '.ac-adaptiveCard';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Texts the Playground or the Adaptive Cards renderer show when a card cannot be rendered. */
const CARD_ERROR_PATTERNS = [/failed to render/i, /unable to render/i, /is not supported/i, /could not render/i, /unknown element type/i];

/** A bot message as the Playground received it over its conversation websocket. */
export interface ReceivedActivity {
  text?: string;
  attachments?: { contentType: string; content?: unknown }[];
}

interface CardInputSpec {
  id?: string;
  label?: string;
  placeholder?: string;
}

export interface WaitOptions {
  /** Give up after this long; default 20 s. */
  timeoutMs?: number;
  /** A reply counts as complete after this long without new bot messages; default 800 ms. */
  quietMs?: number;
}

/** Drives one Playground chat tab: type, read replies, use card inputs and buttons, take screenshots. */
export class PlaygroundChat {
  private seen = 0;
  private readonly activities: ReceivedActivity[] = [];
  private readonly rendererWarnings: string[] = [];
  private readonly botHttpErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (/adaptive ?card/i.test(message.text()) && ['warning', 'error'].includes(message.type())) this.rendererWarnings.push(message.text());
    });
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => this.onFrame(String(frame.payload)));
    });
  }

  /** Opens the Playground and waits until the composer is ready and any welcome messages have arrived. */
  async open(url: string): Promise<void> {
    // Fonts come from a CDN; blocking everything off-loopback keeps runs offline and deterministic.
    await this.page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await this.page.goto(url);
    await this.page.locator(COMPOSER).waitFor({ state: 'visible', timeout: 20_000 });
    await this.settle(1_500);
    this.seen = await this.botMessages().count();
  }

  /** Hides the Playground's log panel, so the chat gets the whole width (for screenshots people read). */
  async hideLogPanel(): Promise<void> {
    const hide = this.page.locator('button[title="Hide log panel"]');
    if ((await hide.count()) > 0) await hide.first().click();
  }

  /** All bot messages in the open chat, oldest first. */
  botMessages(): Locator {
    return this.page.locator(BOT_MESSAGE);
  }

  /** Texts of all bot messages so far, including card texts (e.g. a welcome card). */
  async botTexts(): Promise<string[]> {
    return (await this.botMessages().allInnerTexts()).map(normalise);
  }

  /** Activities with attachments that the bot sent, as JSON (for asserting on card payloads). */
  receivedActivities(): readonly ReceivedActivity[] {
    return this.activities;
  }

  /** The most recent Adaptive Card the bot sent or updated (its JSON), or undefined when none came yet. */
  latestCard(): Record<string, unknown> | undefined {
    for (const activity of [...this.activities].reverse()) {
      const card = activity.attachments?.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
      if (typeof card === 'object' && card !== null) return card as Record<string, unknown>;
    }
    return undefined;
  }

  /**
   * The `data` of the action with this title on the most recent card, or undefined when that card has
   * no such action (older cards stay on screen with their buttons, so the DOM cannot tell this).
   */
  latestCardAction(title: string): Record<string, unknown> | undefined {
    const action = findAction(this.latestCard(), title);
    return action ? ((action.data as Record<string, unknown> | undefined) ?? {}) : undefined;
  }

  /** Titles of the visible buttons in the newest bot message (what the user can click there). */
  async lastMessageButtons(): Promise<string[]> {
    const buttons = this.botMessages().last().locator(`${CARD} button:visible`);
    return (await buttons.allInnerTexts()).map(normalise);
  }

  /** Selects the choice with this title in the most recent card's choice set (radio buttons or checkboxes). */
  async chooseCardOption(title: string): Promise<void> {
    const cards = this.page.locator(CARD);
    for (const role of ['radio', 'checkbox'] as const) {
      const option = cards.getByRole(role, { name: title, exact: true });
      if ((await option.count()) > 0) {
        await option.last().check();
        return;
      }
    }
    const available = await cards.getByRole('radio').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    throw new Error(`Geen keuze "${title}" op een kaart. Wel: ${available.map((t) => `"${t}"`).join(', ') || '(geen keuzes)'}`);
  }

  /** Types a message in the composer and sends it. */
  async sendMessage(text: string): Promise<void> {
    this.seen = await this.botMessages().count();
    const composer = this.page.locator(COMPOSER);
    await composer.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits for the bot's answer to the last action and returns the text of its last message. */
  async waitForBotReply(options: WaitOptions = {}): Promise<string> {
    const replies = await this.waitForBotReplies(options);
    return replies[replies.length - 1]!;
  }

  /** Waits for the bot's answer to the last action and returns the texts of all new messages. */
  async waitForBotReplies(options: WaitOptions = {}): Promise<string[]> {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const messages = this.botMessages();
    const deadline = Date.now() + timeoutMs;
    while ((await messages.count()) <= this.seen) {
      if (Date.now() > deadline) {
        throw new Error(`Geen antwoord van de bot binnen ${timeoutMs / 1000} s. Laatste berichten:\n${(await this.botTexts()).slice(-3).join('\n---\n')}`);
      }
      await this.page.waitForTimeout(100);
    }
    await this.settle(options.quietMs ?? 800);
    const texts = await this.botTexts();
    const fresh = texts.slice(this.seen);
    this.seen = texts.length;
    return fresh;
  }

  /** Clicks the button with this exact title on the most recent card that has one. */
  async clickCardButton(title: string): Promise<void> {
    const buttons = this.page.locator(CARD).getByRole('button', { name: title, exact: true });
    if ((await buttons.count()) === 0) {
      const available = await this.page.locator(`${CARD} button`).allInnerTexts();
      throw new Error(`Geen kaartknop "${title}". Wel: ${available.map((t) => `"${t.trim()}"`).join(', ') || '(geen knoppen)'}`);
    }
    this.seen = await this.botMessages().count();
    await buttons.last().click();
  }

  /**
   * Fills a card input on the most recent card that has it, found by its label (or placeholder),
   * or by the input id from the card JSON (the DOM does not carry card ids, so the id is mapped to
   * its label via the activity the bot sent). Text inputs are typed into, choice sets get the choice
   * with this title, toggles take "true"/"false".
   */
  async fillCardInput(labelOrId: string, value: string): Promise<void> {
    const target = await this.findInput(labelOrId);
    const kind = await target.evaluate((el) => {
      if (el.querySelector('input[type="radio"]') || el.getAttribute('role') === 'radiogroup') return 'radio';
      if (el instanceof HTMLSelectElement) return 'select';
      if (el instanceof HTMLInputElement && el.type === 'checkbox') return 'checkbox';
      if (el.querySelector('input[type="checkbox"]')) return 'checkboxes';
      return 'text';
    });
    if (kind === 'radio' || kind === 'checkboxes') {
      await target.getByRole(kind === 'radio' ? 'radio' : 'checkbox', { name: value, exact: true }).check();
    } else if (kind === 'select') {
      await target.selectOption({ label: value });
    } else if (kind === 'checkbox') {
      await target.setChecked(value === 'true');
    } else {
      await target.fill(value);
    }
  }

  /** Saves a screenshot of the page as test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Fails when a card could not be rendered, rendered empty, or the renderer or Playground complained. */
  async expectNoCardError(): Promise<void> {
    const problems: string[] = this.rendererWarnings.map((w) => `renderer: ${w}`);
    const cards = await this.page.locator(CARD).evaluateAll((elements) =>
      elements.map((el) => ({
        text: (el as HTMLElement).innerText.trim(),
        controls: el.querySelectorAll('input, select, textarea, button, img').length,
      })),
    );
    cards.forEach((card, i) => {
      if (card.text === '' && card.controls === 0) problems.push(`kaart ${i + 1} is leeg (empty card)`);
    });
    for (const text of await this.botTexts()) {
      const pattern = CARD_ERROR_PATTERNS.find((p) => p.test(text));
      if (pattern) problems.push(`foutmelding in bericht: "${text.slice(0, 160)}"`);
    }
    if (problems.length > 0) throw new Error(`Kaartfout in de Playground:\n- ${problems.join('\n- ')}`);
  }

  /** Fails when the Playground logged an HTTP error from the bot (e.g. a 500 on /api/messages). */
  expectNoBotErrors(): void {
    if (this.botHttpErrors.length > 0) throw new Error(`De bot gaf fouten:\n- ${this.botHttpErrors.join('\n- ')}`);
  }

  private async findInput(labelOrId: string): Promise<Locator> {
    const cards = this.page.locator(CARD);
    const spec = this.inputSpecById(labelOrId);
    const candidates = [labelOrId, spec?.label, spec?.placeholder].filter((c): c is string => Boolean(c));
    for (const name of candidates) {
      // The renderer marks a required input's label with " *".
      const label = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
      for (const locator of [cards.getByLabel(label), cards.getByPlaceholder(name, { exact: true })]) {
        if ((await locator.count()) > 0) return locator.last();
      }
    }
    throw new Error(`Geen kaartveld "${labelOrId}" gevonden (zocht op label, placeholder en id).`);
  }

  /** The label/placeholder of the input with this id in the most recent card that has it. */
  private inputSpecById(id: string): CardInputSpec | undefined {
    for (const activity of [...this.activities].reverse()) {
      for (const attachment of activity.attachments ?? []) {
        const found = findInputSpec(attachment.content, id);
        if (found) return found;
      }
    }
    return undefined;
  }

  private onFrame(payload: string): void {
    let data: unknown;
    try {
      data = JSON.parse(payload);
    } catch {
      return;
    }
    const frame = data as {
      action?: string;
      message?: ReceivedActivity;
      logAction?: string;
      log?: { from?: string; to?: string; activityName?: string; response?: { status?: number; statusCode?: number }; error?: unknown };
    };
    if ((frame.action === 'createMessage' || frame.action === 'updateMessage') && frame.message) this.activities.push(frame.message);
    const log = frame.log;
    const status = log?.response?.status ?? log?.response?.statusCode;
    if (log && log.to === 'User Application' && typeof status === 'number' && status >= 400) {
      this.botHttpErrors.push(`${log.activityName ?? 'activity'} -> HTTP ${status}`);
    }
  }

  /** Waits until no new bot message has appeared and the last one has not changed for `quietMs`. */
  private async settle(quietMs: number): Promise<void> {
    let last = await this.snapshot();
    let stableSince = Date.now();
    while (Date.now() - stableSince < quietMs) {
      await this.page.waitForTimeout(100);
      const now = await this.snapshot();
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      }
    }
  }

  private async snapshot(): Promise<string> {
    const messages = this.botMessages();
    const count = await messages.count();
    return count === 0 ? '0' : `${count}:${await messages.last().innerText()}`;
  }
}

function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').trim();
}

function findInputSpec(node: unknown, id: string): CardInputSpec | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findInputSpec(item, id);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const element = node as Record<string, unknown>;
  if (typeof element.type === 'string' && element.type.startsWith('Input.') && element.id === id) {
    return { id, label: asString(element.label), placeholder: asString(element.placeholder) };
  }
  for (const value of Object.values(element)) {
    const found = findInputSpec(value, id);
    if (found) return found;
  }
  return undefined;
}

function findAction(node: unknown, title: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findAction(item, title);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const element = node as Record<string, unknown>;
  if (typeof element.type === 'string' && element.type.startsWith('Action.') && element.title === title) return element;
  for (const value of Object.values(element)) {
    const found = findAction(value, title);
    if (found) return found;
  }
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
