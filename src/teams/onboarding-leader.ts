import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppDeps, AppTurnState } from './deps.js';
import { onboardingInvitationCard, onboardingInvitationsSentCard, onboardingOverviewCard } from '../cards/onboarding/onboarding-overview-card.js';
import { ONBOARDING_VERBS } from '../core/onboarding/actions.js';
import { invitable, overview, type Person, type ProgressByUser } from '../core/onboarding/overview.js';
import { actorOf } from './identity.js';
import type { Notifier } from './notifier.js';
import { cardMessage } from './replies.js';

/** "onboarding overzicht" for a leidinggevende, and inviting the people who have not started. */
export function registerOnboardingLeader(app: Application<AppTurnState>, deps: AppDeps, notifier: Notifier): void {
  app.adaptiveCards.actionSubmit(ONBOARDING_VERBS.invite, async (context) => {
    const team = await teamOf(context, deps);
    if (!team) return refuse(context, deps);
    const invitations = invitable(team.progress, team.people, deps.clock.now(), deps.board.org);
    const invitation = cardMessage(onboardingInvitationCard(deps.board.organisation, deps.board.leaderTerm), 'Uitnodiging: onboarding sociale media');
    const sent: string[] = [];
    const unreachable: string[] = [];
    for (const { person, progress } of invitations) {
      const outcome = await notifier.sendTo(person.id, invitation);
      if (outcome.ok) {
        await deps.store.onboarding.put(person.id, progress);
        sent.push(person.name);
      } else {
        unreachable.push(person.name);
      }
    }
    deps.logger.info({ event: 'onboarding.invited', sent: sent.length, unreachable: unreachable.length });
    await context.sendActivity(cardMessage(onboardingInvitationsSentCard(sent), 'Uitnodigingen'));
    if (unreachable.length > 0) {
      await context.sendActivity(
        `Deze collega's hebben Mediawijs nog nooit geopend, dus ik kan ze nog geen bericht sturen: ${unreachable.join(', ')}. Vraag ze Mediawijs in Teams te openen, of nodig ze zelf uit.`,
      );
    }
  });
}

/** Shows the overview, or a friendly refusal to someone who is nobody's leidinggevende. */
export async function showOnboardingOverview(context: TurnContext, deps: AppDeps): Promise<void> {
  const team = await teamOf(context, deps);
  if (!team) return refuse(context, deps);
  const result = overview(team.progress, team.people, deps.board.knowledge.contentHash);
  const canInvite = invitable(team.progress, team.people, deps.clock.now(), deps.board.org).length;
  deps.logger.info({ event: 'onboarding.overview', total: result.counts.total });
  await context.sendActivity(cardMessage(onboardingOverviewCard(result, canInvite), 'Onboarding-overzicht'));
}

async function refuse(context: TurnContext, deps: AppDeps): Promise<void> {
  const term = deps.board.leaderTerm;
  await context.sendActivity(
    `Het onboarding-overzicht is voor ${term.endsWith('e') ? `${term}n` : `${term}s`}. Ik ken jou (nog) niet als ${term} van een team. ` +
      'Klopt dat niet? Vraag de beheerder van Mediawijs om je in de lijst met leidinggevenden te zetten. Je eigen onboarding start je met "onboarding".',
  );
}

/**
 * The leader's people, found exactly as doubts are routed (mapping, Graph, or the demo's
 * self-routing), with names the bot knows and their onboarding progress (kept by object id).
 */
async function teamOf(context: TurnContext, deps: AppDeps): Promise<{ people: Person[]; progress: ProgressByUser } | undefined> {
  const members = await deps.doubts.peopleLedBy(actorOf(context));
  if (!members) return undefined;
  const people: Person[] = [];
  const progress: Record<string, Awaited<ReturnType<typeof deps.store.onboarding.get>>> = {};
  for (const { member, id, name: listed } of members) {
    const user = await deps.store.users.get(id);
    const name = typeof user?.name === 'string' && user.name ? user.name : (listed ?? (member.includes('@') ? member : `Collega ${member.slice(0, 8)}`));
    people.push({ id, name });
    progress[id] = await deps.store.onboarding.get(id);
  }
  return { people, progress };
}
