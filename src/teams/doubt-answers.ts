import type { Application } from '@microsoft/teams-ai';
import type { AppDeps, AppTurnState } from './deps.js';
import { card, textBlock } from '../cards/shared/adaptive-card.js';
import { onExecute } from './card-actions.js';
import { doubtOutcomeCard } from '../cards/doubts/doubt-leader-card.js';
import { doubtCardForViewer } from '../cards/doubts/doubt-notification-card.js';
import { answerPayload, DOUBT_ANSWER_VERB, DOUBT_INPUTS, DOUBT_REFRESH_VERB, doubtIdPayload } from '../cards/doubts/doubt-actions.js';
import { actorOf } from './identity.js';
import type { Notifier } from './notifier.js';

/**
 * The leader's answer buttons (Action.Execute): every click is re-checked by the domain; the
 * returned card replaces the clicked one in place. Other copies are updated and the asker hears it.
 */
export function registerDoubtAnswers(app: Application<AppTurnState>, deps: AppDeps, notifier: Notifier): void {
  const options = { leaderTerm: deps.board.leaderTerm };

  onExecute(app, DOUBT_ANSWER_VERB, answerPayload, async (context, _state, data) => {
    const actor = actorOf(context);
    const { doubtId } = data;
    const result = await deps.doubts.answer(actor, doubtId, data.decision, data[DOUBT_INPUTS.comment]);
    if (!result.ok) {
      deps.logger.info({ event: 'doubt.answer-refused', doubtId: doubtId.slice(0, 100), reason: result.reason });
      // Still this person's to answer (e.g. a comment is missing): keep the buttons, say what is wrong.
      if (result.doubt) {
        const again = doubtCardForViewer(result.doubt, actor, options);
        return { ...again, body: [textBlock(`⚠️ ${result.message}`, { color: 'Attention', weight: 'Bolder' }), ...again.body] };
      }
      return card([textBlock(result.message)]);
    }
    const outcome = doubtOutcomeCard(result.doubt, options);
    const clicked = context.activity.replyToId;
    await notifier.updateCards(result.cardsToUpdate.filter((c) => c.activityId !== clicked), outcome);
    await notifier.deliverFor(result.doubt);
    return outcome;
  });

  onExecute(app, DOUBT_REFRESH_VERB, doubtIdPayload, async (context, _state, data) => {
    const actor = actorOf(context);
    const found = data.doubtId ? await deps.doubts.get(actor, data.doubtId) : undefined;
    return doubtCardForViewer(found?.ok ? found.doubt : undefined, actor, options);
  });
}
