import type { AppDeps } from './deps.js';
import { FEEDBACK_VERB, feedbackPayload } from '../cards/answers/answer-actions.js';
import { onSubmit } from './card-actions.js';
import type { QuestionApp } from './questions.js';
import { findRememberedAnswer } from './questions.js';
import { actorOf } from './identity.js';
import { SMALL_TALK } from './small-talk.js';
import { redactPersonalData } from '../core/privacy/redact.js';

/** 👍/👎 on answer cards. Only the question and section id are stored, looked up server-side. */
export function registerFeedback(app: QuestionApp, deps: AppDeps): void {
  onSubmit(app, FEEDBACK_VERB, feedbackPayload, async (context, state, data) => {
    const answer = findRememberedAnswer(state, data.answerId);
    if (!answer) {
      await context.sendActivity(SMALL_TALK.badCardData);
      return;
    }
    const rating = data.rating;
    await deps.store.feedback.add({
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      org: deps.board.org,
      userId: actorOf(context).id,
      question: redactPersonalData(answer.question).text,
      ...(answer.sectionId ? { sectionId: answer.sectionId } : {}),
      verdict: answer.found ? rating : 'not_found',
    });
    deps.logger.info({ event: 'feedback.recorded', answerId: answer.id, rating });
    await context.sendActivity(rating === 'up' ? SMALL_TALK.feedbackThanks : SMALL_TALK.feedbackDown);
  });
}
