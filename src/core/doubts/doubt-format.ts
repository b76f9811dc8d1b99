import { DECISION_LABELS, type Doubt, type DoubtMessage, type Person } from './types.js';

/** Short Dutch status for lists ("Wacht op antwoord", "Beantwoord: Niet plaatsen"). */
export function statusLabel(doubt: Doubt): string {
  switch (doubt.status) {
    case 'waiting':
      return doubt.stage === 'unassigned' ? 'Bewaard, nog niemand gevonden' : 'Wacht op antwoord';
    case 'follow-up':
      return 'Vervolgvraag, wacht op antwoord';
    case 'answered':
      return `Beantwoord: ${doubt.lastDecision ? DECISION_LABELS[doubt.lastDecision] : ''}`.trim();
    case 'resolved':
      return 'Opgelost';
    case 'closed':
      return doubt.history.some((h) => h.event === 'withdrawn') ? 'Ingetrokken' : `Afgesloten${doubt.lastDecision ? `: ${DECISION_LABELS[doubt.lastDecision]}` : ''}`;
  }
}

/** Display name, falling back to the role. */
export function personLabel(person: Person | undefined, role: string): string {
  return person?.name ?? person?.upn ?? role;
}

export type HolderRole = 'leader' | 'self' | 'deputy' | 'communicatie';

/**
 * A person with their role in words: "Anna de Vries (leidinggevende)", "Bram (vervanger van je
 * leidinggevende)", "Mieke (Communicatie)"; a Communicatie contact whose name already says so
 * ("Afdeling Communicatie") gets no second label; the demo's self-routing says it is you.
 */
export function personWithRole(person: Person | undefined, role: HolderRole, leaderTerm = 'leidinggevende'): string {
  switch (role) {
    case 'leader':
      return `${personLabel(person, `je ${leaderTerm}`)} (${leaderTerm})`;
    case 'self':
      return `jou zelf (in deze demo ben je je eigen ${leaderTerm})`;
    case 'deputy':
      return `${personLabel(person, 'de vervanger')} (vervanger van je ${leaderTerm})`;
    case 'communicatie': {
      const name = personLabel(person, 'de afdeling Communicatie');
      return /communicatie/i.test(name) ? name : `${name} (Communicatie)`;
    }
  }
}

/** Who holds the doubt now, in words (see {@link personWithRole}). */
export function holderLabel(doubt: Doubt, leaderTerm = 'leidinggevende'): string {
  switch (doubt.stage) {
    case 'leader':
      return personWithRole(doubt.leader, isSelfRouted(doubt) ? 'self' : 'leader', leaderTerm);
    case 'deputy':
      return personWithRole(doubt.deputy, 'deputy', leaderTerm);
    case 'communicatie':
      return personWithRole(doubt.communicatie, 'communicatie', leaderTerm);
    default:
      return 'nog niemand';
  }
}

/** The asker is their own leidinggevende (the local demo, or "self" in the mapping). */
export function isSelfRouted(doubt: Pick<Doubt, 'routingSource' | 'leader' | 'askerId'>): boolean {
  return doubt.routingSource === 'self' || doubt.leader?.key === doubt.askerId;
}

export function firstMessage(doubt: Doubt): DoubtMessage | undefined {
  return doubt.messages.find((m) => m.kind === 'doubt');
}

export function answers(doubt: Doubt): DoubtMessage[] {
  return doubt.messages.filter((m) => m.kind === 'answer');
}

export function lastAnswer(doubt: Doubt): DoubtMessage | undefined {
  return answers(doubt).at(-1);
}

/** First words of a text for list rows. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
