import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { answerCard, notFoundCard, type CodeLead } from '../cards/answer-card.js';
import type { AppDeps, AppTurnState, RememberedAnswer } from '../app/types.js';
import { cardMessage } from './replies.js';

/** How many recent answers a conversation remembers for feedback. */
const REMEMBERED_ANSWERS = 20;

/** Answers a question from the board's code, or says plainly that the code is silent. */
export async function replyToQuestion(context: TurnContext, state: AppTurnState, deps: AppDeps, question: string): Promise<void> {
  const result = deps.answer(question);
  const id = deps.newId();
  const remembered: RememberedAnswer = { id, question, found: result.kind === 'answer', at: deps.clock.now().toISOString() };
  if (result.kind === 'answer') remembered.sectionId = result.best.section.id;
  state.conversation.answers = [...(state.conversation.answers ?? []), remembered].slice(-REMEMBERED_ANSWERS);

  deps.logger.info({ event: 'question.answered', answerId: id, found: remembered.found, sectionId: remembered.sectionId, confidence: result.confidence });
  const { organisation, leaderTerm } = deps.knowledge;
  if (result.kind === 'answer') {
    await context.sendActivity(cardMessage(answerCard(result.best, result.related, id, leaderTerm), 'Antwoord uit de code sociale media'));
  } else {
    await context.sendActivity(cardMessage(notFoundCard(organisation, leaderTerm, id), 'Geen antwoord in de code gevonden'));
  }
}

/**
 * What the code says about a request that opens another flow (a posting check, a doubt): the
 * answer's passages to quote on top of that flow's card, or undefined when the code is silent.
 */
export function codeLeadFor(deps: AppDeps, request: string, event: string): CodeLead | undefined {
  const result = deps.answer(request);
  deps.logger.info({ event, found: result.kind === 'answer', sectionId: result.kind === 'answer' ? result.best.section.id : undefined });
  return result.kind === 'answer' ? { best: result.best, related: result.related } : undefined;
}

export function findRememberedAnswer(state: AppTurnState, answerId: unknown): RememberedAnswer | undefined {
  if (typeof answerId !== 'string') return undefined;
  return state.conversation.answers?.find((a) => a.id === answerId);
}

export type QuestionApp = Application<AppTurnState>;
