import type { Activity, Entity, TurnContext } from 'botbuilder';
import type { Logger } from '../infra/logger.js';
import { citationEntity, type AiCitation } from './replies.js';

/** Teams takes about one streaming request a second; faster ones are throttled (429). */
export const DEFAULT_STREAM_INTERVAL_MS = 1000;

/** Shown as Teams' blue progress line while the model writes (at most 1,000 characters). */
export const INFORMATIVE_TEXT = 'Ik zoek het antwoord in de code…';

/** Teams streams bot messages only in a 1:1 chat; a group chat or another channel gets one message. */
export function canStream(context: TurnContext): boolean {
  return context.activity.channelId === 'msteams' && context.activity.conversation?.conversationType === 'personal';
}

export interface AnswerStreamOptions {
  intervalMs: number;
  logger: Logger;
  answerId: string;
}

/**
 * Teams' streaming protocol, as teams-ai's StreamingResponse speaks it (typing activities with a
 * `streaminfo` entity: one informative update, then the text so far with `streamSequence` 1, 2 …
 * on the `streamId` of the first, then one final message), with what StreamingResponse cannot do:
 * end the stream with a message other than the text streamed. Teams refuses a final text that
 * drops what was streamed, so an answer that fails the grounding check ends the stream with the
 * streamed text and replaces the message in place with the quote alone.
 *
 * Nothing is sent until `intervalMs` has passed: a model that answers within it gets one message,
 * no stream, so streaming never makes a fast answer slower.
 */
export class AnswerStream {
  private sequence = 1;
  private streamId: string | undefined;
  private shown = '';
  private pending: { text: string; citations: readonly AiCitation[] } | undefined;
  private lastSentAt = Date.now();
  private ending = false;
  private failed = false;
  private wake: () => void = () => undefined;
  private readonly loop: Promise<void>;

  constructor(
    private readonly context: TurnContext,
    private readonly options: AnswerStreamOptions,
  ) {
    this.loop = this.run();
  }

  /** The text so far (it may only grow), with the citations its [n] markers refer to. */
  update(text: string, citations: readonly AiCitation[]): void {
    if (this.ending || this.failed || !text.startsWith(this.pending?.text ?? this.shown)) return;
    this.pending = { text, citations };
    this.wake();
  }

  /**
   * Ends with `message` (text, card, entities). `grounded` says the message may show as it is;
   * otherwise it replaces whatever was streamed. Without a stream under way it is sent as one message.
   */
  async finish(message: Partial<Activity>, grounded: boolean): Promise<void> {
    this.ending = true;
    this.wake();
    await this.loop;
    const updates = this.sequence - 1;
    if (updates === 0 || this.failed || !this.streamId) {
      await this.context.sendActivity(message);
      this.options.logger.info({ event: 'ai.stream', answerId: this.options.answerId, updates, outcome: 'one-message' });
      return;
    }
    await this.pause();
    const keeps = grounded && (message.text ?? '').startsWith(this.shown);
    try {
      if (keeps || this.shown === '') {
        await this.send(this.final(message));
      } else {
        // Teams keeps what was streamed in a final message; the update then puts the quote alone in its place.
        await this.send(this.final({ type: 'message', text: this.shown }));
        await this.context.updateActivity({ ...message, id: this.streamId });
      }
      this.options.logger.info({ event: 'ai.stream', answerId: this.options.answerId, updates, outcome: keeps ? 'final' : 'replaced' });
    } catch (error) {
      // The user pressed stop, or Teams refused the stream: the answer still arrives, as a new message.
      this.options.logger.warn({ event: 'ai.stream-failed', answerId: this.options.answerId, stage: 'final', status: statusOf(error) });
      await this.context.sendActivity(message);
    }
  }

  private async run(): Promise<void> {
    while (!this.ending && !this.failed) {
      const due = this.lastSentAt + this.options.intervalMs;
      await this.sleep(due - Date.now());
      if (this.ending) return;
      // An update woke us early: Teams' pace first.
      if (Date.now() < due) continue;
      try {
        if (this.sequence === 1) await this.send(this.typing('informative', INFORMATIVE_TEXT, []));
        else if (this.pending) {
          const { text, citations } = this.pending;
          this.pending = undefined;
          await this.send(this.typing('streaming', text, citations));
          this.shown = text;
        } else await this.sleep(Infinity);
      } catch (error) {
        this.failed = !this.streamId;
        this.options.logger.warn({ event: 'ai.stream-failed', answerId: this.options.answerId, stage: 'update', status: statusOf(error) });
        // An update Teams refused (the user stopped the stream, a 429): stop updating, still end the stream.
        if (this.streamId) return;
      }
    }
  }

  private typing(streamType: 'informative' | 'streaming', text: string, citations: readonly AiCitation[]): Partial<Activity> {
    const info = { streamType, streamSequence: this.sequence++, ...(this.streamId ? { streamId: this.streamId } : {}) };
    const entities: Entity[] = [{ type: 'streaminfo', ...info }];
    if (citations.length > 0) entities.push(citationEntity(citations, false) as Entity);
    // The stream id travels in channelData and the entity: botbuilder drops an outgoing activity's own id.
    return { type: 'typing', text, channelData: info, entities };
  }

  /** The final message: no `streamSequence` (Teams refuses one there), the `streamId` in channelData and its entity. */
  private final(message: Partial<Activity>): Partial<Activity> {
    const info = { streamType: 'final', streamId: this.streamId };
    return {
      ...message,
      channelData: { ...(message.channelData as Record<string, unknown> | undefined), ...info },
      entities: [{ type: 'streaminfo', ...info }, ...(message.entities ?? [])],
    };
  }

  private async send(activity: Partial<Activity>): Promise<void> {
    const response = await this.context.sendActivity(activity);
    this.lastSentAt = Date.now();
    this.streamId ??= response?.id;
  }

  /** Keeps Teams' pace before the final message too. */
  private pause(): Promise<void> {
    const wait = this.lastSentAt + this.options.intervalMs - Date.now();
    return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
  }

  /** Sleeps until the time is up, an update arrives or the stream ends, whichever comes first. */
  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.wake = () => undefined;
        resolve();
      };
      timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      this.wake = done;
    });
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
