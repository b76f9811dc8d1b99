import type { Passage } from '../answering/types.js';
import type { Clock } from '../shared/clock.js';
import { maskPersonalData } from '../privacy/mask.js';
import { estimateTokens, type TokenBudget } from './budget.js';
import { previewAnswer } from './citation-markers.js';
import { checkGrounding, type GroundingFailure } from './grounding.js';
import { buildChatRequest, promptPassages } from './prompt.js';
import { ChatCallError, type ChatCompletion, type ChatFailure } from './types.js';

/** Passages sent to the model at most: retrieval's best and its runners-up. */
export const MAX_PROMPT_PASSAGES = 5;

export type AiFallbackReason = GroundingFailure | ChatFailure | 'budget_spent' | 'no_passages';

/**
 * A grounded short answer, with the passages re-ordered: those the model cited first (in its order),
 * so the quote shown is the passage it found best; or why the bot falls back to the quote alone.
 */
export type ShortAnswer =
  | { kind: 'answer'; text: string; marked: string; passages: Passage[]; cited: Passage[] }
  | { kind: 'fallback'; reason: AiFallbackReason; status?: number };

/** What the log may say about a short answer: ids, counts and times, never text. */
export interface ShortAnswerReport {
  outcome: ShortAnswer;
  tokens: number;
  ms: number;
  masked: { names: number; emails: number; phones: number };
}

export interface ShortAnswerDeps {
  complete: ChatCompletion;
  budget: TokenBudget;
  clock: Clock;
  organisation: string;
  sendPersonalData: boolean;
  /** Words of the board's code: capitalised, they are not names. */
  knownWords: ReadonlySet<string>;
}

/**
 * What may be shown of an answer still being written: with [1] markers (`marked`, numbered as
 * `cited`) or without (`plain`). Only a preview: the finished answer is checked before it stays.
 */
export interface ShortAnswerPreview {
  marked: string;
  plain: string;
  cited: Passage[];
}

export type ShortAnswerer = (question: string, passages: readonly Passage[], onPreview?: (preview: ShortAnswerPreview) => void) => Promise<ShortAnswerReport>;

/**
 * Asks the model for a one- or two-sentence answer from the passages retrieval found, and keeps it
 * only when it is grounded in them. Every failure is a fallback, never an error: the quote alone
 * is always a good answer.
 */
export function createShortAnswerer(deps: ShortAnswerDeps): ShortAnswerer {
  return async (question, passages, onPreview) => {
    const started = deps.clock.now().getTime();
    const masked = deps.sendPersonalData ? { text: question, names: 0, emails: 0, phones: 0 } : maskPersonalData(question, deps.knownWords);
    const report = (outcome: ShortAnswer, tokens = 0): ShortAnswerReport => ({
      outcome,
      tokens,
      ms: deps.clock.now().getTime() - started,
      masked: { names: masked.names, emails: masked.emails, phones: masked.phones },
    });
    const sent = promptPassages(passages.slice(0, MAX_PROMPT_PASSAGES));
    if (sent.length === 0) return report({ kind: 'fallback', reason: 'no_passages' });
    if (!deps.budget.available()) return report({ kind: 'fallback', reason: 'budget_spent' });

    const request = buildChatRequest(deps.organisation, masked.text, sent);
    const ids = sent.map((p) => p.id);
    const byId = new Map(sent.map((p) => [p.id, p.passage]));
    let shown = '';
    const onText = onPreview
      ? (soFar: string) => {
          const preview = previewAnswer(soFar, ids);
          if (!preview || preview.marked === shown) return;
          shown = preview.marked;
          onPreview({ marked: preview.marked, plain: preview.plain, cited: preview.cited.map((id) => byId.get(id)!) });
        }
      : undefined;
    let reply;
    try {
      reply = await deps.complete(request, onText);
    } catch (error) {
      // The provider may bill a call the bot gave up on: count the prompt.
      const tokens = estimateTokens(request.messages.map((m) => m.content).join(''));
      deps.budget.record(tokens);
      const failure: ChatFailure = error instanceof ChatCallError ? error.failure : 'network';
      const status = error instanceof ChatCallError ? error.status : undefined;
      return report({ kind: 'fallback', reason: failure, ...(status ? { status } : {}) }, tokens);
    }
    const tokens = reply.totalTokens ?? estimateTokens(request.messages.map((m) => m.content).join('') + reply.text);
    deps.budget.record(tokens);

    const grounded = checkGrounding(reply.text, ids);
    if (!grounded.ok) return report({ kind: 'fallback', reason: grounded.failure }, tokens);
    const cited = grounded.cited.map((id) => byId.get(id)!);
    const rest = passages.filter((p) => !cited.includes(p));
    return report({ kind: 'answer', text: grounded.text, marked: grounded.marked, passages: [...cited, ...rest], cited }, tokens);
  };
}
