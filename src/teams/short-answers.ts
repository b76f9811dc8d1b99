import type { Activity, TurnContext } from 'botbuilder';
import { answerCard } from '../cards/answers/answer-card.js';
import type { AppDeps } from './deps.js';
import type { Passage } from '../core/answering/types.js';
import type { ShortAnswer, ShortAnswerPreview, ShortAnswerReport } from '../core/ai/short-answer.js';
import { AnswerStream, canStream, DEFAULT_STREAM_INTERVAL_MS } from './answer-stream.js';
import { cardMessage, markAiGenerated, type AiCitation } from './replies.js';

const SUMMARY = 'Antwoord uit de code sociale media';
/** The message text starts with this; the streamed text and the final text alike. */
const LEAD = '**Kort gezegd:** ';

/**
 * Answers with the quote and, when the model's answer is grounded, "Kort gezegd: …" above it — in
 * the message text, where Teams shows its citations ([1] opens the quoted passage) and the "AI
 * generated" label. In a Teams 1:1 chat the short answer streams in as the model writes it; the
 * grounding check on the whole answer then decides what stays: a failed one ends with the quote
 * alone in its place. Elsewhere one message. Returns the passage quoted (the model may pick it).
 */
export async function answerWithShortAnswer(context: TurnContext, deps: AppDeps, answerId: string, question: string, passages: [Passage, ...Passage[]]): Promise<Passage> {
  // Only Teams reads the citation entity; elsewhere a bare [1] would point at nothing.
  const markers = context.activity.channelId === 'msteams';
  const stream = canStream(context) ? new AnswerStream(context, { intervalMs: deps.streamIntervalMs ?? DEFAULT_STREAM_INTERVAL_MS, logger: deps.logger, answerId }) : undefined;
  const onPreview = stream ? (p: ShortAnswerPreview) => stream.update(LEAD + p.marked, citationsOf(p.cited)) : undefined;
  const ai = await shortAnswerFor(deps, answerId, question, passages, onPreview);

  const [best, ...related] = (ai?.passages ?? passages) as [Passage, ...Passage[]];
  const leaderTerm = deps.board.leaderTerm;
  let message: Partial<Activity>;
  if (ai) {
    const card = cardMessage(answerCard(best, related.slice(0, 2), answerId, leaderTerm, 'short-answer'), SUMMARY);
    message = markAiGenerated({ ...card, text: LEAD + (markers ? ai.marked : ai.text) }, citationsOf(ai.cited));
  } else message = cardMessage(answerCard(best, related, answerId, leaderTerm), SUMMARY);

  if (stream) await stream.finish(message, ai !== undefined);
  else await context.sendActivity(message);
  return best;
}

function citationsOf(cited: readonly Passage[]): AiCitation[] {
  return cited.map((p) => ({ name: p.citation, abstract: p.quote }));
}

/**
 * The grounded short answer, or undefined to answer with the quote alone. Logged with ids, counts
 * and times only: never the question, the answer or the passages.
 */
async function shortAnswerFor(
  deps: AppDeps,
  answerId: string,
  question: string,
  passages: Passage[],
  onPreview: ((preview: ShortAnswerPreview) => void) | undefined,
): Promise<Extract<ShortAnswer, { kind: 'answer' }> | undefined> {
  let report: ShortAnswerReport;
  try {
    report = await deps.shortAnswer!(question, passages, onPreview);
  } catch (error) {
    // The answerer turns every failure into a fallback; this is the last line if it ever does not.
    deps.logger.warn({ event: 'ai.fallback', answerId, reason: 'internal', err: { name: (error as Error).name } });
    return undefined;
  }
  const { outcome, tokens, ms, masked } = report;
  if (outcome.kind === 'answer') {
    deps.logger.info({ event: 'ai.answered', answerId, cited: outcome.cited.map((p) => p.section.id), tokens, ms, masked });
    return outcome;
  }
  deps.logger.info({ event: 'ai.fallback', answerId, reason: outcome.reason, status: outcome.status, tokens, ms, masked });
  return undefined;
}
