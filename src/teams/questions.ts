import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { answerCard, notFoundCard, type CodeLead } from '../cards/answers/answer-card.js';
import { candidateLabels, unsureCard } from '../cards/answers/unsure-card.js';
import { CHOOSE_CANDIDATE_VERB, choosePayload } from '../cards/answers/answer-actions.js';
import { onSubmit } from './card-actions.js';
import type { AppDeps, AppTurnState, RememberedAnswer } from './deps.js';
import type { Passage } from '../core/answering/types.js';
import { formatCitation } from '../core/knowledge/citation.js';
import type { Section } from '../core/knowledge/types.js';
import { recordLearning } from './learning.js';
import { cardMessage } from './replies.js';
import { answerWithShortAnswer } from './short-answers.js';
import { SMALL_TALK } from './small-talk.js';

/** How many recent answers a conversation remembers for feedback. */
const REMEMBERED_ANSWERS = 20;

/** Answers a question from the board's code, offers "Bedoel je…?" when unsure, or says plainly that the code is silent. */
export async function replyToQuestion(context: TurnContext, state: AppTurnState, deps: AppDeps, question: string): Promise<void> {
  const result = await deps.answer(question);
  const id = deps.newId();
  // Only a question the code answers gets a short AI answer: "Bedoel je…?" and "niets gevonden" stay as they are.
  const quoted =
    result.kind === 'answer' && deps.shortAnswer ? await answerWithShortAnswer(context, deps, id, question, [result.best, ...result.related]) : undefined;
  const remembered: RememberedAnswer = { id, question, found: result.kind === 'answer', at: deps.clock.now().toISOString() };
  if (result.kind === 'answer') remembered.sectionId = (quoted ?? result.best).section.id;
  if (result.kind === 'unsure') remembered.candidates = result.candidates.map((c) => c.section.id);
  remember(state, remembered);

  deps.logger.info({ event: 'question.answered', answerId: id, kind: result.kind, found: remembered.found, sectionId: remembered.sectionId, confidence: result.confidence });
  const { organisation, leaderTerm } = deps.board;
  if (result.kind === 'answer') {
    // With a short answer the reply went out already (streamed, or as one message).
    if (!quoted) await context.sendActivity(cardMessage(answerCard(result.best, result.related, id, leaderTerm), 'Antwoord uit de code sociale media'));
  } else if (result.kind === 'unsure') {
    // The learning record (a durable write) does not hold up the reply: it runs alongside and
    // the turn still waits for it. recordLearning never throws, so a failed send loses nothing.
    const learning = recordLearning(deps, { verdict: 'unsure', question, candidates: remembered.candidates ?? [] });
    const candidates = candidateLabels(
      result.candidates.map((c) => c.section),
      deps.board.knowledge.sections,
    );
    await sendThen(context.sendActivity(cardMessage(unsureCard(candidates, id, leaderTerm), 'Bedoel je…?')), learning);
  } else {
    const learning = recordLearning(deps, { verdict: 'unanswered', question });
    await sendThen(context.sendActivity(cardMessage(notFoundCard(organisation, leaderTerm, id), 'Geen antwoord in de code gevonden')), learning);
  }
}

/** Waits for the reply, then for the work that ran alongside it, also when the reply failed. */
async function sendThen(reply: Promise<unknown>, alongside: Promise<void>): Promise<void> {
  try {
    await reply;
  } finally {
    await alongside;
  }
}

/**
 * A "Bedoel je…?" button: opens the chosen passage as an answer (with 👍/👎). The card is not
 * trusted: only a section that the remembered answer offered opens; anything else is an old or
 * forged card.
 */
export function registerQuestions(app: QuestionApp, deps: AppDeps): void {
  const refuse = async (context: TurnContext, known: boolean) => {
    deps.logger.info({ event: 'question.choice-refused', known });
    await context.sendActivity(SMALL_TALK.badCardData);
  };
  onSubmit(app, CHOOSE_CANDIDATE_VERB, choosePayload, async (context, state, { answerId, sectionId }) => {
    const offered = findRememberedAnswer(state, answerId);
    const section = offered?.candidates?.includes(sectionId) ? deps.board.knowledge.sections.find((s) => s.id === sectionId) : undefined;
    if (!offered || !section) return refuse(context, offered !== undefined);
    const id = deps.newId();
    remember(state, { id, question: offered.question, sectionId: section.id, found: true, at: deps.clock.now().toISOString() });
    await recordLearning(deps, { verdict: 'chosen', question: offered.question, sectionId: section.id });
    deps.logger.info({ event: 'question.chosen', answerId: id, offeredId: offered.id, sectionId: section.id });
    const passage = await chosenPassage(deps, offered.question, section);
    await context.sendActivity(cardMessage(answerCard(passage, [], id, deps.board.leaderTerm), 'Antwoord uit de code sociale media'));
  }, (context) => refuse(context, false));
}

/**
 * The passage to quote for a chosen section: the window the answering core picks for this question
 * when it still offers that section, else the whole section (verbatim either way).
 */
async function chosenPassage(deps: AppDeps, question: string, section: Section): Promise<Passage> {
  const result = await deps.answer(question);
  const passages = result.kind === 'unsure' ? result.candidates : result.kind === 'answer' ? [result.best, ...result.related] : [];
  return passages.find((p) => p.section.id === section.id) ?? { section, quote: section.text, citation: formatCitation(deps.board.knowledge, section) };
}

function remember(state: AppTurnState, answer: RememberedAnswer): void {
  state.conversation.answers = [...(state.conversation.answers ?? []), answer].slice(-REMEMBERED_ANSWERS);
}

/**
 * What the code says about a request that opens another flow (a posting check, a doubt): the
 * answer's passages to quote on top of that flow's card, or undefined when the code is silent.
 * An unsure result is no lead: that flow's card has no room for "Bedoel je…?", and quoting a
 * passage the bot is not sure of would mislead.
 */
export async function codeLeadFor(deps: AppDeps, request: string, event: string): Promise<CodeLead | undefined> {
  const result = await deps.answer(request);
  deps.logger.info({ event, kind: result.kind, found: result.kind === 'answer', sectionId: result.kind === 'answer' ? result.best.section.id : undefined });
  return result.kind === 'answer' ? { best: result.best, related: result.related } : undefined;
}

export function findRememberedAnswer(state: AppTurnState, answerId: string | undefined): RememberedAnswer | undefined {
  if (answerId === undefined) return undefined;
  return state.conversation.answers?.find((a) => a.id === answerId);
}

export type QuestionApp = Application<AppTurnState>;
