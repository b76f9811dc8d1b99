import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppDeps, AppTurnState } from './deps.js';
import { helpCard, welcomeCard } from '../cards/welcome/welcome-card.js';
import { actorOf } from './identity.js';
import { cardMessage } from './replies.js';
import { updateUserRecord } from './user-records.js';

/** Greets a user once when the bot is installed for them or they open it for the first time. */
export function registerWelcome(app: Application<AppTurnState>, deps: AppDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    // In a 1:1 chat the install adds the bot (and sometimes the user); greet the person who opened it.
    if (!added.some((m) => m.id === botId || m.id === context.activity.from?.id)) return;
    if (context.activity.conversation?.conversationType && context.activity.conversation.conversationType !== 'personal') {
      await context.sendActivity(cardMessage(helpCard(deps.board.organisation, deps.board.leaderTerm)));
      return;
    }
    await greetOnce(context, deps);
  });

  app.activity('installationUpdate', async (context) => {
    if (context.activity.action === 'add' || context.activity.action === 'add-upgrade') await greetOnce(context, deps);
  });
}

/**
 * Teams (and the Playground) send installationUpdate and conversationUpdate at the same moment:
 * claiming the welcome in the user's record, serialised per user, lets exactly one turn greet.
 */
async function greetOnce(context: TurnContext, deps: AppDeps): Promise<void> {
  const actor = actorOf(context);
  // Behind a load balancer the two install events reach two instances: the record's update holds
  // the user's shared lock there, so only one of them finds welcomedAt unset.
  let claimed = false;
  await updateUserRecord(deps, actor.id, (user) => {
    if (user.welcomedAt) return user;
    claimed = true;
    return { ...user, welcomedAt: deps.clock.now().toISOString() };
  });
  if (!claimed) return;
  await context.sendActivity(cardMessage(welcomeCard(deps.board.organisation, deps.board.leaderTerm), 'Welkom bij Mediawijs'));
  deps.logger.info({ event: 'user.welcomed' });
}

/** The help card: the same content as the welcome. */
export async function sendHelp(context: TurnContext, deps: AppDeps): Promise<void> {
  await context.sendActivity(cardMessage(helpCard(deps.board.organisation, deps.board.leaderTerm), 'Wat Mediawijs kan'));
}
