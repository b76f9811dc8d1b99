import type { Application } from '@microsoft/teams-ai';
import type { CodeLead } from '../cards/answers/answer-card.js';
import type { TurnContext } from 'botbuilder';
import type { AppDeps, AppTurnState, DoubtDraft } from './deps.js';
import { onSubmit } from './card-actions.js';
import { doubtComposeCard } from '../cards/doubts/doubt-compose-card.js';
import { doubtSentCard, myDoubtsCard } from '../cards/doubts/doubt-asker-cards.js';
import { openDoubtsCard } from '../cards/doubts/doubt-list-cards.js';
import { doubtCardForViewer } from '../cards/doubts/doubt-notification-card.js';
import {
  composePayload,
  DOUBT_CANCEL_VERB,
  DOUBT_COMPOSE_VERB,
  DOUBT_FOLLOW_UP_VERB,
  DOUBT_INPUTS,
  DOUBT_OPEN_VERB,
  DOUBT_REDACT_VERB,
  DOUBT_RESOLVE_VERB,
  DOUBT_SEND_VERB,
  doubtIdPayload,
  draftPayload,
  followUpPayload,
  openPayload,
  redactPayload,
  sendPayload,
} from '../cards/doubts/doubt-actions.js';
import { escalatePayload, POSTING_VERBS } from '../cards/posting/posting-actions.js';
import type { z } from 'zod';
import type { DoubtPreview } from '../core/doubts/doubt-service.js';
import { personLabel, personWithRole } from '../core/doubts/doubt-format.js';
import type { DoubtCase } from '../core/doubts/types.js';
import { applyFindings, findPersonalData, type Finding } from '../core/privacy/detect.js';
import { registerDoubtAnswers } from './doubt-answers.js';
import { actorOf, identityUnverified } from './identity.js';
import type { Notifier } from './notifier.js';
import { postingHandOver } from './posting.js';
import { findRememberedAnswer } from './questions.js';
import { cardMessage } from './replies.js';
import { askLeaderLabel } from '../cards/shared/ask-leader.js';

const KEPT_DRAFTS = 5;

const detectOptions = (deps: AppDeps) => ({ firstNames: deps.privacy?.firstNames ?? [] });

/** Compose, send, redact, cancel, resolve, follow-up, open, and the posting dialog's hand-over. */
export function registerDoubts(app: Application<AppTurnState>, deps: AppDeps, notifier: Notifier): void {
  onSubmit(app, DOUBT_COMPOSE_VERB, composePayload, async (context, state, data) => {
    const remembered = findRememberedAnswer(state, data.answerId);
    await openDoubtCompose(context, state, deps, remembered ? { text: remembered.question } : {});
  });

  onSubmit(app, POSTING_VERBS.escalate, escalatePayload, async (context, state, data) => {
    const doubtCase = postingHandOver(state, deps);
    const text = data.disagree
      ? 'Ik ben het niet eens met de uitkomst van de check "Mag ik dit posten?". Wil je meekijken?'
      : 'De check "Mag ik dit posten?" kwam uit op twijfel. Mag ik dit plaatsen?';
    deps.logger.info({ event: 'doubt.hand-over', hasCase: doubtCase !== undefined });
    await openDoubtCompose(context, state, deps, doubtCase ? { text, case: doubtCase } : { text });
  });

  onSubmit(app, DOUBT_SEND_VERB, sendPayload, async (context, state, data) => {
    await sendDoubt(context, state, deps, notifier, data);
  });

  onSubmit(app, DOUBT_REDACT_VERB, redactPayload, async (context, state, data) => {
    const draft = findDraft(state, data.composeId);
    const mode = data.mode;
    const clean = (value: string) => applyFindings(value, findPersonalData(value, detectOptions(deps)), mode);
    const text = clean(data[DOUBT_INPUTS.text] ?? '');
    const draftText = clean(data[DOUBT_INPUTS.draft] ?? draft?.case?.draftText ?? '');
    if (draft?.case?.draftText !== undefined) draft.case.draftText = draftText;
    deps.logger.info({ event: 'doubt.personal-data-cleaned', composeId: draft?.id, mode });
    await showCompose(context, deps, draft, { text, draftText });
  });

  onSubmit(app, DOUBT_CANCEL_VERB, draftPayload, async (context, state, data) => {
    const drafts = state.conversation.doubtDrafts ?? [];
    state.conversation.doubtDrafts = drafts.filter((d) => d.id !== data.composeId);
    await context.sendActivity('Oké, je vraag is niet verstuurd.');
  });

  onSubmit(app, DOUBT_RESOLVE_VERB, doubtIdPayload, async (context, _state, data) => {
    const result = await deps.doubts.resolve(actorOf(context), data.doubtId);
    await context.sendActivity(result.ok ? 'Fijn dat het is opgelost! Ik heb je vraag afgesloten. Terugkijken kan met "mijn vragen".' : result.message);
  });

  onSubmit(app, DOUBT_FOLLOW_UP_VERB, followUpPayload, async (context, _state, data) => {
    const result = await deps.doubts.followUp(actorOf(context), data.doubtId, data[DOUBT_INPUTS.followUp]);
    if (!result.ok) {
      await context.sendActivity(result.message);
      return;
    }
    const to = result.doubt.assignees.find((a) => a.key === result.doubt.answeredBy);
    await context.sendActivity(`Je vervolgvraag is verstuurd naar ${personLabel(to, `je ${deps.board.leaderTerm}`)}. Je krijgt hier bericht zodra er een antwoord is.`);
    await notifier.deliverFor(result.doubt);
  });

  onSubmit(app, DOUBT_OPEN_VERB, openPayload, async (context, _state, data) => {
    if (data.list === 'mine') return showMyDoubts(context, deps);
    if (data.list === 'open') return showOpenDoubts(context, deps);
    const actor = actorOf(context);
    const found = await deps.doubts.get(actor, data.doubtId);
    if (!found.ok) {
      await context.sendActivity(found.message);
      return;
    }
    await context.sendActivity(cardMessage(doubtCardForViewer(found.doubt, actor, { leaderTerm: deps.board.leaderTerm })));
  });

  registerDoubtAnswers(app, deps, notifier);
}

/** Shows the compose card, prefilled; the posting case stays in conversation state under a fresh id. */
export async function openDoubtCompose(
  context: TurnContext,
  state: AppTurnState | undefined,
  deps: AppDeps,
  input: { text?: string; case?: DoubtCase; lead?: CodeLead },
): Promise<void> {
  // Without turn state (opened in the 1:1 chat from a group) there is no draft: the card carries the text.
  const draft: DoubtDraft | undefined = state ? { id: deps.newId(), at: deps.clock.now().toISOString() } : undefined;
  if (draft && input.case) draft.case = input.case;
  if (state && draft) state.conversation.doubtDrafts = [...(state.conversation.doubtDrafts ?? []), draft].slice(-KEPT_DRAFTS);
  deps.logger.info({ event: 'doubt.compose', composeId: draft?.id, hasCase: input.case !== undefined });
  const options: { text?: string; draftText?: string; lead?: CodeLead } = {};
  if (input.text) options.text = input.text;
  if (input.lead) options.lead = input.lead;
  if (input.case?.draftText) options.draftText = input.case.draftText;
  await showCompose(context, deps, draft, options);
}

async function showCompose(
  context: TurnContext,
  deps: AppDeps,
  draft: DoubtDraft | undefined,
  input: { text?: string; draftText?: string; preview?: DoubtPreview; detected?: Finding[]; lead?: CodeLead },
): Promise<void> {
  // The preview needs some text to check; only its routing is used here.
  const preview = input.preview ?? (await deps.doubts.preview(actorOf(context), input.text?.trim() || 'twijfel'));
  const leaderTerm = deps.board.leaderTerm;
  const data: Record<string, unknown> = {};
  if (draft) data.composeId = draft.id;
  const cardInput: Parameters<typeof doubtComposeCard>[0] = { data };
  if (input.text !== undefined) cardInput.text = input.text;
  if (input.draftText !== undefined) cardInput.draftText = input.draftText;
  if (input.lead) cardInput.lead = input.lead;
  if (preview.ok) {
    if (preview.recipient) cardInput.recipientLabel = personWithRole(preview.recipient, preview.recipientRole === 'communicatie' ? 'communicatie' : 'leader', leaderTerm);
    cardInput.selfRouted = preview.selfRouted;
    if (preview.recipientRole === 'communicatie') cardInput.fallback = true;
  }
  if (input.detected) cardInput.detected = input.detected;
  await context.sendActivity(cardMessage(doubtComposeCard(cardInput, { leaderTerm }), askLeaderLabel(leaderTerm)));
}

function findDraft(state: AppTurnState, id: string | undefined): DoubtDraft | undefined {
  if (id === undefined) return undefined;
  return (state.conversation.doubtDrafts ?? []).find((d) => d.id === id);
}

async function sendDoubt(context: TurnContext, state: AppTurnState, deps: AppDeps, notifier: Notifier, data: z.output<typeof sendPayload>): Promise<void> {
  const draft = findDraft(state, data.composeId);
  if (draft?.sentDoubtId) {
    await context.sendActivity('Deze vraag heb je al verstuurd. Typ "mijn vragen" om hem terug te zien.');
    return;
  }
  const text = data[DOUBT_INPUTS.text] ?? '';
  const doubtCase: DoubtCase = { ...draft?.case };
  const draftText = data[DOUBT_INPUTS.draft];
  if (draftText !== undefined) {
    if (draftText.trim()) doubtCase.draftText = draftText;
    else delete doubtCase.draftText;
  }
  const caseInput = Object.keys(doubtCase).length > 0 ? doubtCase : undefined;
  const asker = actorOf(context);
  const preview = await deps.doubts.preview(asker, text, caseInput);
  if (!preview.ok) {
    await context.sendActivity(preview.message);
    await showCompose(context, deps, draft, { text, ...(draftText !== undefined ? { draftText } : {}) });
    return;
  }
  const detected = [...findPersonalData(text, detectOptions(deps)), ...findPersonalData(doubtCase.draftText ?? '', detectOptions(deps))];
  if (detected.length > 0 && data.sendAsIs !== true) {
    // Nothing that looks like personal data leaves without the asker's own choice on this card.
    deps.logger.info({ event: 'doubt.personal-data-found', composeId: draft?.id, kinds: [...new Set(detected.map((d) => d.kind))] });
    await showCompose(context, deps, draft, { text, draftText: doubtCase.draftText ?? '', preview, detected });
    return;
  }
  const result = await deps.doubts.submit(asker, text, caseInput);
  if (!result.ok) {
    await context.sendActivity(result.message);
    return;
  }
  if (draft) draft.sentDoubtId = result.doubt.id;
  // Only a mapping file names people by UPN/e-mail; routing by object id (or Graph) does not need the look-up.
  const unverified = deps.board.leaders !== undefined && identityUnverified(context);
  deps.logger.info({ event: 'doubt.sent', doubtId: result.doubt.id, outlook: result.outlook, role: result.recipientRole, identityUnverified: unverified });
  await context.sendActivity(cardMessage(doubtSentCard({ ...result, identityUnverified: unverified }, { leaderTerm: deps.board.leaderTerm }), 'Je vraag is ontvangen'));
  await notifier.deliverFor(result.doubt);
}

/** "mijn vragen": the user's own doubts, newest first. */
export async function showMyDoubts(context: TurnContext, deps: AppDeps): Promise<void> {
  const mine = await deps.doubts.listMine(actorOf(context));
  await context.sendActivity(cardMessage(myDoubtsCard(mine, { leaderTerm: deps.board.leaderTerm }), 'Mijn vragen'));
}

/** "openstaande twijfels": doubts waiting for this user's answer, oldest first. */
export async function showOpenDoubts(context: TurnContext, deps: AppDeps): Promise<void> {
  const open = await deps.doubts.listOpenFor(actorOf(context));
  await context.sendActivity(cardMessage(openDoubtsCard(open, deps.clock.now()), 'Openstaande twijfels'));
}
