import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AppDeps } from './deps.js';
import { isSharedConversation, type GroupScope } from '../core/intents/conversation-scope.js';
import { FEEDBACK_VERB } from '../cards/answers/answer-actions.js';
import { DOUBT_COMPOSE_VERB } from '../cards/doubts/doubt-actions.js';
import { POSTING_VERBS } from '../cards/posting/posting-actions.js';
import { actorOf } from './identity.js';
import type { Notifier } from './notifier.js';

/** Whether this activity comes from a group chat or a channel rather than the sender's 1:1 chat. */
export function inSharedConversation(context: TurnContext): boolean {
  return isSharedConversation(context.activity.conversation);
}

/** Card verbs that may be used in a group: feedback on an answer and the posting check (its hand-over excepted). */
const HERE_VERBS = new Set<string>([FEEDBACK_VERB, ...Object.values(POSTING_VERBS).filter((v) => v !== POSTING_VERBS.escalate)]);
/** Card verbs that start something personal from a group card: "Vraag mijn leidinggevende". */
const PRIVATE_VERBS = new Set<string>([DOUBT_COMPOSE_VERB, POSTING_VERBS.escalate]);

/** Where a card click in a group is answered; any verb not named above belongs to a 1:1 chat. */
function verbScopeInGroup(verb: string | undefined): GroupScope {
  if (verb === undefined) return 'refuse';
  if (HERE_VERBS.has(verb)) return 'here';
  return PRIVATE_VERBS.has(verb) ? 'private' : 'refuse';
}

/** The verb of a card click: Action.Submit (`value.verb`) or Action.Execute (`value.action.verb`). */
export function cardVerbOf(context: TurnContext): string | undefined {
  const { type, name } = context.activity;
  const value: unknown = context.activity.value;
  if (!value || typeof value !== 'object') return undefined;
  if (type === ActivityTypes.Invoke && name === 'adaptiveCard/action') {
    const verb = (value as { action?: { verb?: unknown } }).action?.verb;
    return typeof verb === 'string' ? verb : undefined;
  }
  if (type === ActivityTypes.Message && !context.activity.text) {
    const verb = (value as { verb?: unknown }).verb;
    return typeof verb === 'string' ? verb : undefined;
  }
  return undefined;
}

/**
 * Answers something personal in the sender's 1:1 chat and says so in the group. Without a stored
 * 1:1 chat (the sender never opened the bot) it asks them to open one and type `command` there.
 */
export async function answerPrivately(context: TurnContext, deps: AppDeps, notifier: Notifier, command: string, logic: (personal: TurnContext) => Promise<void>): Promise<void> {
  const actor = actorOf(context);
  const outcome = await notifier.inPersonalChat(actor.id, logic);
  deps.logger.info({ event: 'group.answered-privately', delivered: outcome.ok, ...(outcome.ok ? {} : { reason: outcome.reason }) });
  const name = actor.name ? `${actor.name.split(' ')[0]}, dit` : 'Dit';
  await context.sendActivity(
    outcome.ok
      ? `${name} is persoonlijk. Daarom antwoord ik je in onze 1-op-1-chat. Kijk in je chats bij Mediawijs.`
      : `${name} is persoonlijk, dus ik antwoord niet in deze groep. Open een chat met mij (Mediawijs) en typ daar "${command}".`,
  );
}

/**
 * Card clicks in a group chat: feedback and the posting check go on; "Vraag mijn
 * leidinggevende" opens the question in the 1:1 chat; any other card belongs to a 1:1 chat, so its
 * click here is refused. Returns false when the turn was handled here.
 */
export async function guardGroupCardAction(
  context: TurnContext,
  deps: AppDeps,
  notifier: Notifier,
  composePrivately: (personal: TurnContext) => Promise<void>,
): Promise<boolean> {
  if (!inSharedConversation(context)) return true;
  const isCardAction = (context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action') || (context.activity.type === ActivityTypes.Message && !context.activity.text && context.activity.value !== undefined);
  if (!isCardAction) return true;
  const verb = cardVerbOf(context);
  const scope = verbScopeInGroup(verb);
  if (scope === 'here') return true;
  deps.logger.info({ event: 'group.card-action', verb: String(verb).slice(0, 40), scope });
  if (scope === 'private') {
    await answerPrivately(context, deps, notifier, 'twijfel', composePrivately);
    return false;
  }
  const text = 'Die knop werkt alleen in je 1-op-1-chat met mij (Mediawijs). Open die chat en typ "help".';
  if (context.activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } });
  } else {
    await context.sendActivity(text);
  }
  return false;
}
