import type { TurnContext } from 'botbuilder';
import { onboardingCard, onboardingMessageCard } from '../cards/onboarding/onboarding-card.js';
import { onboardingUpdateInvitationCard } from '../cards/onboarding/onboarding-update-card.js';
import type { AppDeps, AppTurnState } from './deps.js';
import { applyOnboardingAction, ONBOARDING_VERBS, onboardingPayload, readCodeSchema, type OnboardingAction } from '../core/onboarding/actions.js';
import { onSubmit } from './card-actions.js';
import { codeChapterCard, codeContentsCard } from '../cards/onboarding/onboarding-code-card.js';
import { inviteToUpdate } from '../core/onboarding/updates.js';
import type { Application } from '@microsoft/teams-ai';
import { actorOf } from './identity.js';
import { cardMessage } from './replies.js';

const OWN_ACTIONS = new RegExp(
  `^(${Object.values(ONBOARDING_VERBS)
    .filter((v) => v !== ONBOARDING_VERBS.invite && v !== ONBOARDING_VERBS.readCode)
    .map((v) => v.replace('.', '\\.'))
    .join('|')})$`,
);

/** The guided course: card clicks become domain transitions; progress lives in the onboarding store. */
export function registerOnboarding(app: Application<AppTurnState>, deps: AppDeps): void {
  onSubmit(
    app,
    OWN_ACTIONS,
    onboardingPayload,
    (context, _state, action) => runOnboardingAction(context, deps, action),
    (context) => context.sendActivity(cardMessage(onboardingMessageCard('Die knop hoort niet bij de onboarding zoals die nu loopt. Kies "Verder met de onboarding".'))),
  );

  // Reading the code changes no progress: the teacher goes back to the same place afterwards.
  // A chapter number that does not parse shows the contents, as the plain button does.
  onSubmit(app, ONBOARDING_VERBS.readCode, readCodeSchema.catch({ verb: ONBOARDING_VERBS.readCode }), async (context, _state, { chapter }) => {
    deps.logger.info({ event: 'onboarding.read-code', chapter });
    const shown = chapter === undefined ? codeContentsCard(deps.board.knowledge) : codeChapterCard(deps.board.knowledge, chapter);
    await context.sendActivity(cardMessage(shown, deps.board.title));
  });
}

/** Applies an onboarding action for the sender and shows where they are now. */
export async function runOnboardingAction(context: TurnContext, deps: AppDeps, action: OnboardingAction): Promise<void> {
  const userId = actorOf(context).id;
  const progress = await deps.store.onboarding.get(userId);
  const result = applyOnboardingAction(progress, action, { course: deps.board.onboardingCourse, knowledge: deps.board.knowledge, now: deps.clock.now() });
  if (!result.ok) {
    await context.sendActivity(cardMessage(onboardingMessageCard(result.message)));
    return;
  }
  await deps.store.onboarding.put(userId, result.progress);
  deps.logger.info({ event: 'onboarding.action', verb: action.verb, status: result.progress.status });
  await context.sendActivity(cardMessage(onboardingCard(result.progress, deps.board.onboardingCourse, deps.board.knowledge), 'Onboarding code sociale media'));
}

/** Once per new code version, invites users who acknowledged an older one to a short update. */
export async function offerCodeUpdate(context: TurnContext, deps: AppDeps): Promise<void> {
  const userId = actorOf(context).id;
  const progress = await deps.store.onboarding.get(userId);
  const offer = inviteToUpdate(progress, deps.board.knowledge, deps.clock.now());
  if (!offer.invite) return;
  await deps.store.onboarding.put(userId, offer.progress);
  await context.sendActivity(cardMessage(onboardingUpdateInvitationCard(offer.diff, deps.board.knowledge), 'De code sociale media is bijgewerkt'));
}
