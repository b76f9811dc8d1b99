import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { classifyMessage, MAX_MESSAGE_LENGTH } from '../core/intents/classify.js';
import { tenantOf } from '../http/activity-guard.js';
import { registerFeedback } from '../teams/feedback.js';
import { offerCodeUpdate, registerOnboarding, runOnboardingAction } from '../teams/onboarding.js';
import { registerWelcome, sendHelp } from '../teams/welcome.js';
import { updateUserRecord } from '../teams/user-records.js';
import { handleTypedPostingReply, registerPosting, startPosting, startPostingFromRequest } from '../teams/posting.js';
import { isPostingRequest } from '../core/posting/intent.js';
import { actorOf } from '../teams/identity.js';
import { codeLeadFor, registerQuestions, replyToQuestion } from '../teams/questions.js';
import { SMALL_TALK } from '../teams/small-talk.js';
import { isDoubtRequest } from '../core/doubts/doubt-intent.js';
import { openDoubtCompose, registerDoubts, showMyDoubts, showOpenDoubts } from '../teams/doubts.js';
import { createNotifier, type Notifier } from '../teams/notifier.js';
import { createIdentityResolver, type IdentityResolverDeps } from '../teams/member-identity.js';
import { registerOnboardingLeader, showOnboardingOverview } from '../teams/onboarding-leader.js';
import { askDeleteMyData, registerPrivacy, showMyData } from '../teams/privacy.js';
import { answerPrivately, guardGroupCardAction, inSharedConversation } from '../teams/group-chats.js';
import { COMMAND_SCOPE_IN_GROUP } from '../core/intents/conversation-scope.js';
import { ONBOARDING_VERBS } from '../core/onboarding/actions.js';
import type { Command } from '../core/intents/classify.js';
import type { AppDeps, AppTurnState } from '../teams/deps.js';
import type { UserRecord } from '../store/data-store.js';
import { MediawijsAdapter } from './teams-adapter.js';
import { keepEntityProperties } from './keep-entity-properties.js';
import { serializeActivitiesFast } from './fast-activity-serialization.js';

export interface BotApp {
  app: Application<AppTurnState>;
  adapter: MediawijsAdapter;
  /** Proactive delivery (doubts outbox, card updates, invitations); also used by the maintenance sweep. */
  notifier: Notifier;
}

/**
 * Builds the whole bot from its dependencies. No ports are opened here. The boards of one
 * deployment share one adapter (one bot registration); each has its own Application.
 */
export function createApp(deps: AppDeps, options: { adapter?: MediawijsAdapter } = {}): BotApp {
  const { config } = deps;
  keepEntityProperties();
  // After keepEntityProperties: the compiled serializer keeps what the mappers say at this point.
  serializeActivitiesFast();
  const adapter = options.adapter ?? new MediawijsAdapter(config);
  const tenants = deps.tenants ?? config.allowedTenants;

  const app = new Application<AppTurnState>({
    adapter,
    storage: deps.store.turnState,
    ...(config.bot.appId ? { botAppId: config.bot.appId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
  });

  const notifier = createNotifier({
    adapter,
    appId: config.bot.appId,
    store: deps.store,
    doubts: deps.doubts,
    clock: deps.clock,
    logger: deps.logger,
    leaderTerm: deps.board.leaderTerm,
  });

  app.error(async (context, error) => {
    deps.logger.error({ event: 'turn.error', activityType: context.activity.type, err: { name: error.name, message: error.message, stack: error.stack } });
    // A store that cannot be reached failed the write, so nothing was confirmed: say that trying again helps.
    const reply = isStoreUnavailable(error) ? SMALL_TALK.storeUnavailable : SMALL_TALK.error;
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(reply).catch(() => undefined);
  });

  const identityDeps: IdentityResolverDeps = { store: deps.store, clock: deps.clock, logger: deps.logger };
  const { graph, ...identitySettings } = deps.identity ?? {};
  if (graph) identityDeps.graph = graph;
  identityDeps.settings = identitySettings;
  const identities = createIdentityResolver(identityDeps);

  const pendingCheck = pendingCheckSchedule(deps);
  app.turn('beforeTurn', async (context) => {
    // Defence in depth: the HTTP layer already refuses foreign tenants (and routes each to its board) before the adapter runs.
    if (tenants.length > 0) {
      const tenant = tenantOf(context.activity as unknown as Record<string, unknown>)?.toLowerCase();
      if (!tenant || !tenants.includes(tenant)) {
        deps.logger.warn({ event: 'tenant.refused' });
        return false;
      }
    }
    // Personal cards clicked in a group chat are refused or answered in the 1:1 chat.
    const composePrivately = (personal: TurnContext) => openDoubtCompose(personal, undefined, deps, {});
    if (!(await guardGroupCardAction(context, deps, notifier, composePrivately))) return false;
    const { newConversation, user } = await rememberConversation(context, deps);
    // Teams names the sender by ids only; the UPN/e-mail a mapping file uses comes from the member look-up.
    const actor = await identities.resolve(context, user);
    if (OPENS_THE_BOT.has(context.activity.type) && pendingCheck.due(actor.id, newConversation || actor.learned)) {
      // Whatever waited for this person (a doubt to answer, an answer) is delivered now; newly
      // learned names may make them the leidinggevende a doubt was parked for.
      await notifier.deliverPendingFor(actor);
    }
    return true;
  });

  registerWelcome(app, deps);
  registerFeedback(app, deps);
  registerQuestions(app, deps);
  registerOnboarding(app, deps);
  registerPosting(app, deps);
  registerDoubts(app, deps, notifier);
  registerPrivacy(app, deps);
  registerOnboardingLeader(app, deps, notifier);

  /** Runs a command; without turn state (in the 1:1 chat, reached from a group) state-bound steps start fresh. */
  const runCommand = async (context: TurnContext, state: AppTurnState | undefined, command: Command): Promise<void> => {
    if (command === 'onboarding') return runOnboardingAction(context, deps, { verb: ONBOARDING_VERBS.start });
    if (command === 'posting' && state) return startPosting(context, state, deps, { fresh: false, typedSituation: true });
    if (command === 'doubt') return openDoubtCompose(context, state, deps, {});
    if (command === 'my_doubts') return showMyDoubts(context, deps);
    if (command === 'open_doubts') return showOpenDoubts(context, deps);
    if (command === 'my_data') return showMyData(context, deps);
    if (command === 'delete_my_data') return askDeleteMyData(context);
    if (command === 'onboarding_overview') return showOnboardingOverview(context, deps);
    return sendHelp(context, deps);
  };

  app.activity(ActivityTypes.Message, async (context, state) => {
    if (!context.activity.text && context.activity.value) {
      // A card action whose verb no route knows: an old or forged card.
      await context.sendActivity(SMALL_TALK.badCardData);
      return;
    }
    const intent = classifyMessage(context.activity.text ?? '');
    // While the posting check waits for an answer, "ja", "nee", "terug", "stop" … are for it.
    if (intent.kind !== 'command' && intent.kind !== 'empty' && intent.kind !== 'too_long') {
      if (await handleTypedPostingReply(context, state, deps, context.activity.text ?? '')) return;
    }
    // The update invitation is personal: only in the 1:1 chat.
    if (!inSharedConversation(context)) await offerCodeUpdate(context, deps);
    switch (intent.kind) {
      case 'empty':
        await context.sendActivity(SMALL_TALK.empty);
        return;
      case 'too_long':
        await context.sendActivity(SMALL_TALK.tooLong(intent.length, MAX_MESSAGE_LENGTH));
        return;
      case 'greeting':
        await context.sendActivity(SMALL_TALK.greeting(deps.board.organisation));
        return;
      case 'help':
        await sendHelp(context, deps);
        return;
      case 'thanks':
        await context.sendActivity(SMALL_TALK.thanks);
        return;
      case 'nonsense':
        await context.sendActivity(SMALL_TALK.nonsense);
        return;
      case 'command':
        if (inSharedConversation(context) && COMMAND_SCOPE_IN_GROUP[intent.command] === 'private') {
          return answerPrivately(context, deps, notifier, COMMAND_WORDS[intent.command], (personal) => runCommand(personal, undefined, intent.command));
        }
        return runCommand(context, state, intent.command);
      case 'question':
        // Asked for the check: it runs, also when the request mentions doubt (the verdict offers the leidinggevende).
        if (isPostingRequest(intent.text)) return startPostingFromRequest(context, state, deps, intent.text);
        if (isDoubtRequest(intent.text)) {
          // A doubt is a question too: quote what the code says, then offer to ask the leidinggevende.
          const lead = await codeLeadFor(deps, intent.text, 'doubt.requested');
          const input = lead ? { text: intent.text, lead } : { text: intent.text };
          // Doubts are written in the 1:1 chat: the compose card names the leidinggevende.
          if (inSharedConversation(context)) return answerPrivately(context, deps, notifier, 'twijfel', (personal) => openDoubtCompose(personal, undefined, deps, input));
          return openDoubtCompose(context, state, deps, input);
        }
        await replyToQuestion(context, state, deps, intent.text);
        return;
    }
  });

  // Invokes no route took: the library would answer 501. An old or forged Action.Execute gets the
  // same friendly line as an unknown Action.Submit; any other invoke name an empty 200, always.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const execute = context.activity.name === 'adaptiveCard/action';
    deps.logger.info({ event: 'invoke.unhandled', name: String(context.activity.name).slice(0, 60) });
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: execute
        ? { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: SMALL_TALK.badCardData } }
        : { status: 200, body: {} },
    });
  });

  return { app, adapter, notifier };
}

/** What to type in the 1:1 chat for each command, for the note in a group when that chat is unknown. */
const COMMAND_WORDS: Readonly<Record<Command, string>> = {
  posting: 'mag ik dit posten?',
  my_doubts: 'mijn vragen',
  open_doubts: 'openstaande twijfels',
  doubt: 'twijfel',
  onboarding: 'onboarding',
  onboarding_overview: 'onboarding overzicht',
  my_data: 'mijn gegevens',
  delete_my_data: 'verwijder mijn gegevens',
};

const OPENS_THE_BOT = new Set<string>([ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate]);

/** How long a user's pending deliveries count as checked; the sweep covers everything else. */
const PENDING_CHECK_INTERVAL_MS = 60_000;

/**
 * Whether to look for deliveries waiting for a user now: always when they (re)open the bot in a
 * new conversation — the moment an unreachable leidinggevende becomes reachable — and otherwise
 * at most once a minute, so a chatty user does not pay index reads on every message.
 */
function pendingCheckSchedule(deps: AppDeps) {
  const lastChecked = new Map<string, number>();
  return {
    due(userId: string, newConversation: boolean): boolean {
      const now = deps.clock.now().getTime();
      const last = lastChecked.get(userId);
      if (!newConversation && last !== undefined && now - last < PENDING_CHECK_INTERVAL_MS && now >= last) return false;
      lastChecked.set(userId, now);
      if (lastChecked.size > 50_000) lastChecked.delete(lastChecked.keys().next().value as string);
      return true;
    },
  };
}

/**
 * Keeps the latest conversation reference per user, so doubts and answers can be sent proactively.
 * Says whether the reference is new or changed, and, when the user's record was read and nothing
 * was awaited after that but a read, the record (the identity step needs it too).
 */
async function rememberConversation(context: TurnContext, deps: AppDeps): Promise<{ newConversation: boolean; user?: UserRecord }> {
  const activity = context.activity;
  if (activity.conversation?.conversationType && activity.conversation.conversationType !== 'personal') return { newConversation: false };
  const actor = actorOf(context);
  const userId = actor.id;
  if (!userId) return { newConversation: false };
  let user: UserRecord | undefined;
  if (actor.name) {
    // The name shows on doubts and in the leader's onboarding overview.
    const name = actor.name;
    user = await updateUserRecord(deps, userId, (record) => (record.name === name ? record : { ...record, name }));
  }
  // Without the activity id: it changes on every message and would force a write per turn. Compared
  // as JSON text, the form it is stored in; parsed only when it is written.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  const text = JSON.stringify(reference);
  const previous = await deps.store.conversations.get(userId);
  if (previous && JSON.stringify(previous.reference) === text) return user ? { newConversation: false, user } : { newConversation: false };
  await deps.store.conversations.put(userId, { reference: JSON.parse(text) as Record<string, unknown>, updatedAt: deps.clock.now().toISOString() });
  return { newConversation: true };
}

/** Whether the error (or one it wraps) is the store's StoreUnavailableError. */
function isStoreUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'StoreUnavailableError') return true;
  }
  return false;
}
