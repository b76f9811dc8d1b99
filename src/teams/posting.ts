import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AppDeps, AppTurnState } from './deps.js';
import { card, submit, textBlock } from '../cards/shared/adaptive-card.js';
import { postingPrecheckCard } from '../cards/posting/posting-precheck-card.js';
import { postingQuestionCard } from '../cards/posting/posting-question-card.js';
import { postingStartCard, type StartLead } from '../cards/posting/posting-start-card.js';
import { POSTING_VERBS, postingPayload, type PostingAction } from '../cards/posting/posting-actions.js';
import { onSubmit } from './card-actions.js';
import { parseTypedReply, type TypedReply } from '../core/posting/typed-reply.js';
import { postingVerdictCard } from '../cards/posting/posting-verdict-card.js';
import {
  answer,
  back,
  confirmProposals,
  nextStep,
  restart,
  skipDraft,
  startSession,
  stop,
  withDraft,
  type PostingSession,
  type SessionResult,
} from '../core/posting/session.js';
import type { DoubtCase } from '../core/doubts/types.js';
import { codeLeadFor } from './questions.js';
import { cardMessage } from './replies.js';

const DIALOG_ACTIONS = /^posting\.(start|draft|skip-draft|confirm|answer|back|restart|stop)$/;

/** "Mag ik dit posten?": card clicks drive the pure dialog session kept in conversation state. */
export function registerPosting(app: Application<AppTurnState>, deps: AppDeps): void {
  onSubmit(app, DIALOG_ACTIONS, postingPayload, async (context, state, action) => {
    if (action.verb === POSTING_VERBS.start) return startPosting(context, state, deps, { fresh: true, typedSituation: true });

    const session = state.conversation.posting;
    if (!session || session.status === 'stopped') {
      await context.sendActivity(cardMessage(closedCard()));
      return;
    }
    if (session.status === 'decided' && STEP_VERBS.has(action.verb)) {
      // A button on an older card of a check that already has its outcome: say so once, no repeat.
      await context.sendActivity(SMALL_TALK_DECIDED);
      return;
    }
    await runVerb(context, state, deps, session, action);
  });
}

const STEP_VERBS = new Set<string>([POSTING_VERBS.draft, POSTING_VERBS.skipDraft, POSTING_VERBS.confirm, POSTING_VERBS.answer, POSTING_VERBS.back]);
const SMALL_TALK_DECIDED = 'Deze check heeft al een uitkomst (hierboven). Typ "mag ik dit posten?" voor een nieuwe check.';

type SessionAction = Exclude<PostingAction, { verb: typeof POSTING_VERBS.start }>;

async function runVerb(context: TurnContext, state: AppTurnState, deps: AppDeps, session: PostingSession, action: SessionAction): Promise<void> {
    const now = deps.clock.now();
    let result: SessionResult;
    switch (action.verb) {
      case POSTING_VERBS.draft: {
        if (session.status !== 'awaiting-draft') return showStep(context, state, deps, session);
        const { draft, hasMedia } = action;
        result = { ok: true, session: draft.trim() ? withDraft(session, draft, hasMedia, precheckContext(deps), model(deps)) : skipDraft({ ...session, hasMedia }) };
        break;
      }
      case POSTING_VERBS.skipDraft:
        if (session.status !== 'awaiting-draft') return showStep(context, state, deps, session);
        result = { ok: true, session: skipDraft(session) };
        break;
      case POSTING_VERBS.confirm:
        result = confirmProposals(session, action.accepted);
        break;
      case POSTING_VERBS.answer: {
        const { fact, value } = action;
        result =
          value === undefined || fact === undefined
            ? { ok: false, session, error: 'Dat antwoord begrijp ik niet. Kies Ja, Nee of Weet ik niet.' }
            : answer(session, fact, value);
        break;
      }
      case POSTING_VERBS.back:
        result = { ok: true, session: back(session) };
        break;
      case POSTING_VERBS.restart:
        result = { ok: true, session: restart(session, now) };
        break;
      case POSTING_VERBS.stop:
        result = { ok: true, session: stop(session) };
    }
    if (!result.ok) await context.sendActivity(result.error);
    deps.logger.info({ event: 'posting.action', verb: action.verb, ok: result.ok });
    await showStep(context, state, deps, result.session);
}

/** A typed reply as the card action it stands for; an answer is about the question on screen. */
function typedAction(reply: TypedReply, fact: string | undefined): SessionAction {
  switch (reply) {
    case 'ja':
      return { verb: POSTING_VERBS.answer, fact, value: true };
    case 'nee':
      return { verb: POSTING_VERBS.answer, fact, value: false };
    case 'weet-niet':
      return { verb: POSTING_VERBS.answer, fact, value: null };
    case 'terug':
      return { verb: POSTING_VERBS.back };
    case 'opnieuw':
      return { verb: POSTING_VERBS.restart };
    case 'stop':
      return { verb: POSTING_VERBS.stop };
  }
}

/** How long after "mag ik dit posten?" a typed message counts as the situation to check. */
const DRAFT_WINDOW_MS = 30 * 60_000;

/**
 * A typed message while the check waits for something: "ja", "nee", "weet ik niet", "terug",
 * "opnieuw", "stop" work like the buttons on an open question (and "ja"/"klopt" confirms the
 * pre-ticks); right after "mag ik dit posten?" a typed message is the situation to check.
 * Returns false when the message is not for the check.
 */
export async function handleTypedPostingReply(context: TurnContext, state: AppTurnState, deps: AppDeps, text: string): Promise<boolean> {
  const session = state.conversation.posting;
  if (!session) return false;
  const reply = parseTypedReply(text);
  if (session.status === 'asking' && session.current && reply) {
    await runVerb(context, state, deps, session, typedAction(reply, session.current));
    return true;
  }
  if (session.status === 'confirming' && reply) {
    // "ja"/"klopt" keeps every pre-tick; to change one, the card's switches.
    const typed: SessionAction = reply === 'ja' ? { verb: POSTING_VERBS.confirm, accepted: session.proposals.map((p) => p.fact) } : typedAction(reply, undefined);
    if (typed.verb === POSTING_VERBS.answer) return false;
    await runVerb(context, state, deps, session, typed);
    return true;
  }
  const recent = deps.clock.now().getTime() - Date.parse(session.startedAt) < DRAFT_WINDOW_MS;
  if (session.status === 'awaiting-draft' && recent && session.takesTypedSituation) {
    if (reply === 'stop' || reply === 'opnieuw') {
      await runVerb(context, state, deps, session, typedAction(reply, undefined));
      return true;
    }
    // Only the first message after the start card can be the situation; whatever it was, the
    // next ones are questions again.
    const { takesTypedSituation: _once, ...rest } = session;
    state.conversation.posting = rest;
    if (reply || text.trim().split(/\s+/).length < 3) return false;
    await showStep(context, state, deps, withDraft(rest, text, false, precheckContext(deps), model(deps)));
    return true;
  }
  return false;
}

/** Starts the dialog, or continues one left halfway (the user can still choose "Opnieuw"). */
export async function startPosting(
  context: TurnContext,
  state: AppTurnState,
  deps: AppDeps,
  options: { fresh: boolean; lead?: StartLead; offerLeader?: boolean; typedSituation?: boolean },
): Promise<void> {
  const existing = state.conversation.posting;
  const halfway = existing && (existing.status === 'asking' || existing.status === 'confirming');
  if (halfway && !options.fresh) {
    await context.sendActivity('Je was nog bezig met een check. We gaan verder waar je was; kies "Opnieuw" om opnieuw te beginnen.');
    return showStep(context, state, deps, existing);
  }
  const session = {
    ...startSession(deps.board.org, deps.clock.now()),
    ...(options.offerLeader ? { offerLeader: true } : {}),
    ...(options.typedSituation ? { takesTypedSituation: true } : {}),
  };
  await showStep(context, state, deps, session, options.lead);
}

/**
 * A natural request to post something ("mag ik een foto van mijn klas op insta zetten?"): the
 * code's answer first, then the check for the user's own post, in one card.
 */
export async function startPostingFromRequest(context: TurnContext, state: AppTurnState, deps: AppDeps, request: string): Promise<void> {
  // "Mag ik dit posten? …, maar ik twijfel nog": the check was asked for; the verdict offers the leidinggevende.
  const offerLeader = DOUBT_WORD.test(request);
  const situation = SITUATION_AFTER_COMMAND.exec(request)?.[1];
  if (situation) {
    const session = { ...startSession(deps.board.org, deps.clock.now()), ...(offerLeader ? { offerLeader } : {}) };
    return showStep(context, state, deps, withDraft(session, situation, false, precheckContext(deps), model(deps)));
  }
  const lead = await codeLeadFor(deps, request, 'posting.requested');
  await startPosting(context, state, deps, { fresh: true, ...(lead ? { lead } : {}), ...(offerLeader ? { offerLeader } : {}) });
}

const DOUBT_WORD = /\btwijfel\w*|\bweet\s+(?:het\s+)?niet\s+zeker/iu;
/** "Mag ik dit posten? <the situation>" in one message: the rest is the situation to check. */
const SITUATION_AFTER_COMMAND = /^\s*(?:mag|kan|kun)\s+ik\s+dit\s+(?:posten|plaatsen|delen|tweeten)\s*[?:.,!-]*\s+(\S[\s\S]{9,})$/iu;

async function showStep(context: TurnContext, state: AppTurnState, deps: AppDeps, session: PostingSession, lead?: StartLead): Promise<void> {
  const step = nextStep(session, deps.board.posting, deps.board.knowledge);
  state.conversation.posting = step.session;
  switch (step.kind) {
    case 'draft':
      await context.sendActivity(cardMessage(postingStartCard(deps.board.organisation, lead, step.session.draft), 'Mag ik dit posten?'));
      return;
    case 'confirm':
      await context.sendActivity(cardMessage(postingPrecheckCard(step.findings, step.proposals), 'Wat mij opviel in je bericht'));
      return;
    case 'question':
      await context.sendActivity(cardMessage(postingQuestionCard(step.decision, { canGoBack: step.session.history.length > 0 }), step.decision.question));
      return;
    case 'verdict':
      deps.logger.info({ event: 'posting.verdict', verdict: step.decision.verdict, rules: step.decision.rules.map((r) => r.id) });
      await context.sendActivity(
        cardMessage(postingVerdictCard(step.decision, deps.board.leaderTerm, { offerLeader: step.session.offerLeader === true }), `Oordeel: ${step.decision.verdict}`),
      );
      return;
    case 'stopped':
      await context.sendActivity('Gestopt. Typ "mag ik dit posten?" als je opnieuw wilt beginnen.');
      return;
  }
}

function model(deps: AppDeps) {
  return { definition: deps.board.posting, knowledge: deps.board.knowledge };
}

function precheckContext(deps: AppDeps) {
  return { organisationNames: [deps.board.organisation, ...deps.posting.extraNames], swearWords: deps.posting.swearWords };
}

function closedCard() {
  return card([textBlock('Deze check is al afgesloten. Wil je opnieuw beginnen?')], [submit('Mag ik dit posten?', POSTING_VERBS.start)]);
}

const ANSWER_WORDS = { true: 'Ja', false: 'Nee', null: 'Weet ik niet' } as const;

/**
 * The case for "Vraag mijn leidinggevende" on the verdict card, rebuilt from the session in
 * conversation state (never from card data): the draft, the answers in Dutch, the verdict, the rules.
 */
export function postingHandOver(state: AppTurnState, deps: AppDeps): DoubtCase | undefined {
  const session = state.conversation.posting;
  if (!session || session.status === 'stopped') return undefined;
  const questions = new Map(deps.board.posting.facts.map((f) => [f.id as string, f.question]));
  const result: DoubtCase = {};
  if (session.draft) result.draftText = session.draft;
  const answers = Object.entries(session.answers).map(([fact, value]) => ({
    question: questions.get(fact) ?? fact,
    answer: ANSWER_WORDS[String(value) as keyof typeof ANSWER_WORDS] ?? String(value),
  }));
  if (answers.length > 0) result.answers = answers;
  const step = nextStep(session, deps.board.posting, deps.board.knowledge);
  if (step.kind === 'verdict') {
    result.verdict = step.decision.verdict;
    const rules = step.decision.rules.filter((r) => r.quote).map((r) => ({ id: r.id, citation: r.citation, quote: r.quote }));
    if (rules.length > 0) result.rules = rules;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
