import { z } from 'zod';
import type { AppDeps, AppTurnState } from './deps.js';
import { FEEDBACK_VERB } from '../cards/answer-card.js';
import type { QuestionApp } from './questions.js';
import { findRememberedAnswer } from './questions.js';
import { actorOf } from './identity.js';
import { SMALL_TALK } from './small-talk.js';
import { redactPersonalData } from '../core/privacy/redact.js';

const feedbackData = z.object({ answerId: z.string().max(100), rating: z.enum(['up', 'down']) });

/** 👍/👎 on answer cards. Only the question and section id are stored, looked up server-side. */
export function registerFeedback(app: QuestionApp, deps: AppDeps): void {
  app.adaptiveCards.actionSubmit(FEEDBACK_VERB, async (context, state: AppTurnState, data) => {
    const parsed = feedbackData.safeParse(data);
    const answer = parsed.success ? findRememberedAnswer(state, parsed.data.answerId) : undefined;
    if (!parsed.success || !answer) {
      await context.sendActivity(SMALL_TALK.badCardData);
      return;
    }
    const rating = parsed.data.rating;
    await deps.store.feedback.add({
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      org: deps.config.org,
      userId: actorOf(context).id,
      question: redactPersonalData(answer.question).text,
      ...(answer.sectionId ? { sectionId: answer.sectionId } : {}),
      verdict: answer.found ? rating : 'not_found',
    });
    deps.logger.info({ event: 'feedback.recorded', answerId: answer.id, rating });
    await context.sendActivity(rating === 'up' ? SMALL_TALK.feedbackThanks : SMALL_TALK.feedbackDown);
  });
}
