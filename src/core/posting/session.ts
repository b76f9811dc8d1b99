import type { KnowledgeDocument } from '../knowledge/types.js';
import { decide } from './engine.js';
import { assumeUnmentioned } from './assume-unmentioned.js';
import { questionsAfterAtMost } from './question-bound.js';
import { precheckDraft, type PrecheckContext, type PrecheckFinding, type ProposedFact } from './precheck.js';
import {
  FACT_IDS,
  type FactId,
  type FactValue,
  type Facts,
  type PostingDefinition,
  type QuestionDecision,
  type VerdictDecision,
} from './types.js';

export type SessionStatus = 'awaiting-draft' | 'confirming' | 'asking' | 'decided' | 'stopped';

/** One undoable step, for "terug". */
export type HistoryEntry = { kind: 'answer'; fact: FactId } | { kind: 'confirm'; facts: FactId[] };

/** The posting dialog of one user, as plain JSON (the shell keeps it in turn state). */
export interface PostingSession {
  org: string;
  status: SessionStatus;
  /** ISO time the dialog started. */
  startedAt: string;
  draft?: string;
  hasMedia: boolean;
  findings: PrecheckFinding[];
  /** Proposed answers from the pre-check, awaiting confirmation. */
  proposals: ProposedFact[];
  answers: Facts;
  history: HistoryEntry[];
  /** The fact asked last; only an answer to this fact is accepted. */
  current?: FactId;
  /** The request mentioned doubt: the verdict offers the leidinggevende whatever it is. */
  offerLeader?: boolean;
  /**
   * Opened by "mag ik dit posten?" itself (command or button): the next typed message is the
   * situation to check. Not for a check opened by a question that already tells the situation, and
   * only once, so later questions are answered as questions.
   */
  takesTypedSituation?: boolean;
}

export type SessionResult = { ok: true; session: PostingSession } | { ok: false; session: PostingSession; error: string };

export type NextStep =
  | { kind: 'draft'; session: PostingSession }
  | { kind: 'confirm'; session: PostingSession; findings: PrecheckFinding[]; proposals: ProposedFact[] }
  | { kind: 'question'; session: PostingSession; decision: QuestionDecision }
  | { kind: 'verdict'; session: PostingSession; decision: VerdictDecision }
  | { kind: 'stopped'; session: PostingSession };

const MAX_DRAFT = 5_000;

/** A new dialog, waiting for the draft (or "sla over"). */
export function startSession(org: string, now: Date): PostingSession {
  return { org, status: 'awaiting-draft', startedAt: now.toISOString(), hasMedia: false, findings: [], proposals: [], answers: {}, history: [] };
}

/** The decision model and the code it cites. */
export interface PostingModel {
  definition: PostingDefinition;
  knowledge: KnowledgeDocument;
}

/**
 * Adds the draft (a pasted message or a described situation) and runs the pre-check; with findings
 * or proposals the user confirms them first. With the model, what the text does not mention but the
 * verdict depends on is proposed too (marked as assumed), so it is corrected on the same card.
 */
export function withDraft(session: PostingSession, draft: string, hasMedia: boolean, context: PrecheckContext, model?: PostingModel): PostingSession {
  const text = draft.trim().slice(0, MAX_DRAFT);
  const precheck = precheckDraft(text, hasMedia, context);
  const findings = precheck.findings;
  const proposedFacts = model && text ? assumeUnmentioned(model.definition, model.knowledge, precheck.proposedFacts) : precheck.proposedFacts;
  return {
    ...session,
    draft: text,
    hasMedia,
    findings,
    proposals: proposedFacts,
    status: findings.length > 0 || proposedFacts.length > 0 ? 'confirming' : 'asking',
    current: undefined,
  };
}

/** Goes straight to the questions without a draft. */
export function skipDraft(session: PostingSession): PostingSession {
  return { ...session, status: 'asking', findings: [], proposals: [], current: undefined };
}

/** Accepts the proposed answers the user ticked; the others are asked as normal questions. */
export function confirmProposals(session: PostingSession, acceptedFactIds: readonly string[]): SessionResult {
  if (session.status !== 'confirming') return { ok: false, session, error: 'Er is nu niets om te bevestigen.' };
  const accepted = session.proposals.filter((p) => acceptedFactIds.includes(p.fact));
  const answers: Facts = { ...session.answers };
  for (const p of accepted) answers[p.fact] = p.value;
  const history: HistoryEntry[] = [...session.history, { kind: 'confirm', facts: accepted.map((p) => p.fact) }];
  return { ok: true, session: { ...session, answers, history, status: 'asking', current: undefined } };
}

/** Maps a card value ('ja' | 'nee' | 'weet-niet') to an answer; undefined for anything else. */
export function parseAnswerValue(value: unknown): FactValue | undefined {
  if (value === 'ja' || value === true) return true;
  if (value === 'nee' || value === false) return false;
  if (value === 'weet-niet' || value === null) return null;
  return undefined;
}

/** Records the answer to the question asked last; anything else is rejected with a Dutch message. */
export function answer(session: PostingSession, fact: string, value: FactValue): SessionResult {
  if (session.status !== 'asking' || !session.current) return { ok: false, session, error: 'Er staat nu geen vraag open.' };
  if (!(FACT_IDS as readonly string[]).includes(fact) || fact !== session.current) {
    return { ok: false, session, error: 'Dit antwoord hoort bij een andere vraag. Beantwoord de laatste vraag.' };
  }
  const id = fact;
  return {
    ok: true,
    session: { ...session, answers: { ...session.answers, [id]: value }, history: [...session.history, { kind: 'answer', fact: id }], current: undefined },
  };
}

/** Undoes the last step; before the first answer it goes back to the draft. */
export function back(session: PostingSession): PostingSession {
  const last = session.history.at(-1);
  if (!last) return { ...session, status: 'awaiting-draft', current: undefined, findings: [], proposals: [] };
  const history = session.history.slice(0, -1);
  const answers: Facts = { ...session.answers };
  if (last.kind === 'answer') {
    delete answers[last.fact];
    return { ...session, answers, history, status: 'asking', current: undefined };
  }
  for (const f of last.facts) delete answers[f];
  return { ...session, answers, history, status: 'confirming', current: undefined };
}

/** Questions answered one by one in this dialog (not the pre-ticks confirmed on the card). */
export function askedCount(session: PostingSession): number {
  return session.history.filter((h) => h.kind === 'answer').length;
}

/** Starts over for the same organisation. */
export function restart(session: PostingSession, now: Date): PostingSession {
  const fresh = startSession(session.org, now);
  return session.offerLeader ? { ...fresh, offerLeader: true } : fresh;
}

export function stop(session: PostingSession): PostingSession {
  return { ...session, status: 'stopped', current: undefined };
}

/** What to show next; also records which question is open, so only its answer is accepted. */
export function nextStep(session: PostingSession, definition: PostingDefinition, knowledge: KnowledgeDocument): NextStep {
  if (session.status === 'stopped') return { kind: 'stopped', session };
  if (session.status === 'awaiting-draft') return { kind: 'draft', session };
  if (session.status === 'confirming') {
    return { kind: 'confirm', session, findings: session.findings, proposals: session.proposals };
  }
  const decision = decide(definition, knowledge, session.answers);
  if (decision.kind === 'question') {
    // Accepted pre-ticks are not questions: the counter counts what was asked, and promises no more than can come.
    const progress = { answered: askedCount(session), remainingAtMost: questionsAfterAtMost(definition, knowledge, session.answers) + 1 };
    return { kind: 'question', session: { ...session, status: 'asking', current: decision.fact }, decision: { ...decision, progress } };
  }
  return { kind: 'verdict', session: { ...session, status: 'decided', current: undefined }, decision };
}
