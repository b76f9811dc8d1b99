import { addHistory, addNotification, ANSWERER_KINDS, isPending, supersede, type TransitionContext } from './outbox.js';
import { addWorkingDays } from './working-days.js';
import type { Decision, Doubt, DoubtCase, DoubtStage, Person, Routing, UserRef } from './types.js';

/** Deep copy, so transitions never mutate a record the caller still holds. */
export function cloneDoubt(doubt: Doubt): Doubt {
  return structuredClone(doubt);
}

export function workingDaysFrom(ctx: TransitionContext, from: Date, days: number): string {
  return addWorkingDays(from, days, { timeZone: ctx.settings.timeZone, publicHolidays: ctx.settings.publicHolidays }).toISOString();
}

function touch(doubt: Doubt, ctx: TransitionContext): void {
  doubt.updatedAt = ctx.now.toISOString();
}

function addAssignee(doubt: Doubt, person: Person): void {
  if (doubt.assigneeIds.includes(person.key)) return;
  doubt.assigneeIds.push(person.key);
  doubt.assignees.push(person);
}

/** The person the doubt currently waits on. */
export function currentAnswerer(doubt: Doubt): Person | undefined {
  if (doubt.status === 'follow-up' && doubt.answeredBy) {
    const p = doubt.assignees.find((a) => a.key === doubt.answeredBy);
    if (p) return p;
  }
  switch (doubt.stage) {
    case 'leader':
      return doubt.leader;
    case 'deputy':
      return doubt.deputy;
    case 'communicatie':
      return doubt.communicatie;
    default:
      return undefined;
  }
}

/**
 * The rungs still ahead on the ladder leader → deputy → Communicatie, in order, skipping people
 * already assigned. The doubt moves one rung up when it stays unanswered after the reminder, when
 * delivery fails for good, or (Communicatie) when the leidinggevende forwards it.
 */
export function remainingLadder(doubt: Doubt): Array<{ stage: DoubtStage; person: Person }> {
  const ladder: Array<[DoubtStage, Person | undefined]> = [
    ['deputy', doubt.deputy],
    ['communicatie', doubt.communicatie],
  ];
  const order: DoubtStage[] = ['unassigned', 'leader', 'deputy', 'communicatie'];
  const ahead: Array<{ stage: DoubtStage; person: Person }> = [];
  for (const [stage, person] of ladder) {
    if (!person || order.indexOf(stage) <= order.indexOf(doubt.stage)) continue;
    if (doubt.assigneeIds.includes(person.key) || ahead.some((a) => a.person.key === person.key)) continue;
    ahead.push({ stage, person });
  }
  return ahead;
}

/** The next rung on the ladder leader → deputy → Communicatie, skipping people already assigned. */
export function nextStage(doubt: Doubt): { stage: DoubtStage; person: Person } | undefined {
  return remainingLadder(doubt)[0];
}

function scheduleReminder(doubt: Doubt, ctx: TransitionContext, from: Date = ctx.now): void {
  doubt.nextAction = 'remind';
  doubt.nextActionAt = workingDaysFrom(ctx, from, ctx.settings.reminderWorkingDays);
}

function clearSchedule(doubt: Doubt): void {
  delete doubt.nextAction;
  delete doubt.nextActionAt;
}

/** Puts the doubt with the routing's first available person; notifies them. */
export function assignRouting(doubt: Doubt, routing: Routing, ctx: TransitionContext): void {
  doubt.routingSource = routing.source;
  if (routing.leader) doubt.leader = routing.leader;
  if (routing.deputy) doubt.deputy = routing.deputy;
  if (routing.communicatie) doubt.communicatie = routing.communicatie;
  const first: [DoubtStage, Person | undefined][] = [
    ['leader', routing.leader],
    ['communicatie', routing.communicatie],
  ];
  const target = first.find(([, p]) => p !== undefined);
  if (!target) {
    doubt.stage = 'unassigned';
    clearSchedule(doubt);
    addHistory(doubt, ctx, 'system', 'unassigned', routing.source);
    return;
  }
  const [stage, person] = target as [DoubtStage, Person];
  doubt.stage = stage;
  addAssignee(doubt, person);
  addNotification(doubt, ctx, person.key, 'new-doubt');
  scheduleReminder(doubt, ctx);
  addHistory(doubt, ctx, 'system', 'assigned', `${stage} ${person.key} via ${routing.source}`);
}

/** A new doubt record, routed and with its first notification in the outbox. */
export function createDoubt(
  input: { id: string; asker: UserRef; text: string; case?: DoubtCase; routing: Routing },
  ctx: TransitionContext,
): Doubt {
  const at = ctx.now.toISOString();
  const asker: UserRef = { id: input.asker.id };
  if (input.asker.upn) asker.upn = input.asker.upn;
  if (input.asker.email) asker.email = input.asker.email;
  if (input.asker.name) asker.name = input.asker.name;
  const doubt: Doubt = {
    id: input.id,
    askerId: asker.id,
    asker,
    assigneeIds: [],
    assignees: [],
    open: true,
    createdAt: at,
    updatedAt: at,
    status: 'waiting',
    stage: 'unassigned',
    routingSource: input.routing.source,
    messages: [{ id: ctx.newId(), kind: 'doubt', authorKey: asker.id, ...(asker.name ? { authorName: asker.name } : {}), text: input.text, at }],
    remindersSent: 0,
    outbox: [],
    history: [],
  };
  if (input.case) doubt.case = structuredClone(input.case);
  addHistory(doubt, ctx, asker.id, 'submitted', input.case ? 'with-case' : undefined);
  assignRouting(doubt, input.routing, ctx);
  return doubt;
}

/**
 * Moves the doubt one rung up the ladder (deputy, then Communicatie) and tells the asker.
 * Returns false when there is nobody left to reroute to.
 */
export function escalate(doubt: Doubt, ctx: TransitionContext, reason: string): boolean {
  const next = nextStage(doubt);
  if (!next) {
    addHistory(doubt, ctx, 'system', 'no-escalation-possible', reason);
    return false;
  }
  doubt.stage = next.stage;
  addAssignee(doubt, next.person);
  // An unanswered follow-up moves along with the doubt.
  if (doubt.status === 'follow-up') doubt.answeredBy = next.person.key;
  addNotification(doubt, ctx, next.person.key, 'rerouted');
  addNotification(doubt, ctx, doubt.askerId, 'escalated-asker-notice');
  scheduleReminder(doubt, ctx);
  addHistory(doubt, ctx, 'system', 'rerouted', `${next.stage} ${next.person.key} (${reason})`);
  touch(doubt, ctx);
  return true;
}

/** Applies a checked answer. `forward` hands the doubt to Communicatie; the others answer the asker. */
export function applyAnswer(doubt: Doubt, actor: Person, decision: Decision, comment: string, ctx: TransitionContext): void {
  const at = ctx.now.toISOString();
  doubt.messages.push({
    id: ctx.newId(),
    kind: 'answer',
    authorKey: actor.key,
    ...(actor.name ? { authorName: actor.name } : {}),
    text: comment,
    decision,
    at,
  });
  addHistory(doubt, ctx, actor.key, 'answered', decision);
  touch(doubt, ctx);
  if (decision === 'forward') {
    const communicatie = doubt.communicatie!;
    doubt.stage = 'communicatie';
    addAssignee(doubt, communicatie);
    supersede(doubt, ctx, (n) => ANSWERER_KINDS.has(n.kind) && n.to !== communicatie.key);
    addNotification(doubt, ctx, communicatie.key, 'rerouted');
    addNotification(doubt, ctx, doubt.askerId, 'escalated-asker-notice');
    doubt.status = 'waiting';
    scheduleReminder(doubt, ctx);
    return;
  }
  doubt.status = 'answered';
  doubt.lastDecision = decision;
  doubt.answeredBy = actor.key;
  supersede(doubt, ctx, (n) => ANSWERER_KINDS.has(n.kind));
  addNotification(doubt, ctx, doubt.askerId, 'answer');
  doubt.nextAction = 'auto-close';
  doubt.nextActionAt = workingDaysFrom(ctx, ctx.now, ctx.settings.autoCloseWorkingDays);
}

/** The asker's follow-up goes to whoever answered, on the same record. */
export function applyFollowUp(doubt: Doubt, text: string, ctx: TransitionContext): void {
  const at = ctx.now.toISOString();
  doubt.messages.push({ id: ctx.newId(), kind: 'follow-up', authorKey: doubt.askerId, ...(doubt.asker.name ? { authorName: doubt.asker.name } : {}), text, at });
  doubt.status = 'follow-up';
  supersede(doubt, ctx, (n) => n.kind === 'answer');
  const to = currentAnswerer(doubt);
  if (to) addNotification(doubt, ctx, to.key, 'follow-up');
  scheduleReminder(doubt, ctx);
  addHistory(doubt, ctx, doubt.askerId, 'follow-up', to?.key);
  touch(doubt, ctx);
}

/** Closes the doubt (by the asker's "Opgelost", auto-close or withdrawal); nothing more is delivered to answerers. */
export function closeDoubt(doubt: Doubt, ctx: TransitionContext, actor: string, status: 'resolved' | 'closed', event: string): void {
  doubt.status = status;
  doubt.open = false;
  doubt.closedAt = ctx.now.toISOString();
  clearSchedule(doubt);
  supersede(doubt, ctx, (n) => ANSWERER_KINDS.has(n.kind) || n.kind === 'escalated-asker-notice');
  addHistory(doubt, ctx, actor, event);
  touch(doubt, ctx);
}

/** One step of the reminder schedule, if due. Returns true when the record changed. */
export function applyScheduledAction(doubt: Doubt, ctx: TransitionContext): boolean {
  if (!doubt.open || !doubt.nextAction || !doubt.nextActionAt || doubt.nextActionAt > ctx.now.toISOString()) return false;
  const scheduledAt = new Date(doubt.nextActionAt);
  switch (doubt.nextAction) {
    case 'remind': {
      const to = currentAnswerer(doubt);
      const alreadyWaiting = to && doubt.outbox.some((n) => n.to === to.key && isPending(n) && ANSWERER_KINDS.has(n.kind));
      if (to && !alreadyWaiting) {
        addNotification(doubt, ctx, to.key, 'reminder');
        doubt.remindersSent += 1;
      }
      addHistory(doubt, ctx, 'system', 'reminder', alreadyWaiting ? 'not-yet-delivered' : to?.key);
      if (nextStage(doubt)) {
        doubt.nextAction = 'reroute';
        doubt.nextActionAt = workingDaysFrom(ctx, scheduledAt, ctx.settings.escalationWorkingDays);
      } else {
        clearSchedule(doubt);
      }
      touch(doubt, ctx);
      return true;
    }
    case 'reroute':
      if (!escalate(doubt, ctx, 'unanswered')) clearSchedule(doubt);
      touch(doubt, ctx);
      return true;
    case 'auto-close': {
      if (doubt.outbox.some((n) => n.to === doubt.askerId && isPending(n) && n.givenUpAt === undefined)) {
        // The answer has not reached the asker yet; closing now would hide it from retries.
        doubt.nextActionAt = workingDaysFrom(ctx, ctx.now, 1);
        return true;
      }
      closeDoubt(doubt, ctx, 'system', 'closed', 'auto-closed');
      return true;
    }
  }
}
