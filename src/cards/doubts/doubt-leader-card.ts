import { audienceOf } from '../../core/doubts/doubt-access.js';
import { formatDutchDateTime } from '../../core/shared/dutch-date.js';
import { isSelfRouted, lastAnswer, personLabel, personWithRole, statusLabel } from '../../core/doubts/doubt-format.js';
import { DECISION_LABELS, DECISIONS, awaitsAnswer, type Decision, type Doubt } from '../../core/doubts/types.js';
import { card, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { doubtCaseBody, small } from './doubt-card-parts.js';
import { DEFAULT_DOUBT_CARD_OPTIONS, DOUBT_ANSWER_VERB, DOUBT_INPUTS, DOUBT_REFRESH_VERB, type DoubtCardOptions } from './doubt-actions.js';

/** Why this card is sent; sets the header line. */
export type LeaderCardReason = 'new' | 'reminder' | 'rerouted' | 'forwarded' | 'follow-up';

export interface LeaderCardOptions extends DoubtCardOptions {
  reason?: LeaderCardReason;
  /** Teams user MRIs for `refresh.userIds`; leave out in a 1:1 chat. */
  refreshUserIds?: string[];
}

const BUTTON_TITLES: Record<Decision, string> = { ...DECISION_LABELS, forward: 'Doorsturen naar Communicatie' };

function header(doubt: Doubt, reason: LeaderCardReason, leaderTerm: string): string {
  const asker = doubt.asker.name ?? 'Een collega';
  switch (reason) {
    case 'reminder':
      return `Herinnering: ${asker} wacht nog op je antwoord`;
    case 'rerouted':
      return `${asker} twijfelt over een bericht. Deze vraag is naar jou doorgestuurd, omdat de ${leaderTerm} nog niet heeft gereageerd.`;
    case 'forwarded':
      return `De ${leaderTerm} stuurt je deze vraag van ${asker} door, om mee te kijken als Communicatie.`;
    case 'follow-up':
      return `${asker} heeft nog een vraag over je antwoord`;
    default:
      return `${asker} twijfelt over een bericht en vraagt jouw mening`;
  }
}

/**
 * The card in the assignee's 1:1 chat: the case and five Action.Execute answers. Carries
 * `refresh`, so Teams shows the current state (see {@link doubtOutcomeCard}) once answered.
 */
export function doubtLeaderCard(doubt: Doubt, options: LeaderCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  if (!doubt.open || !awaitsAnswer(doubt)) return doubtOutcomeCard(doubt, options);
  const reason = options.reason ?? (doubt.status === 'follow-up' ? 'follow-up' : 'new');
  const body: CardElement[] = [
    textBlock(header(doubt, reason, options.leaderTerm), { size: 'Medium', weight: 'Bolder' }),
    ...doubtCaseBody(doubt, options.leaderTerm),
    {
      type: 'Input.Text',
      id: DOUBT_INPUTS.comment,
      label: 'Toelichting voor je collega (nodig bij "Aanpassen")',
      isMultiline: true,
      maxLength: 1000,
      spacing: 'Medium',
    },
    ...audienceLines(doubt, options.leaderTerm).map((line) => small(line)),
  ];
  const actions = DECISIONS.filter((d) => d !== 'forward' || doubt.communicatie !== undefined).map((decision) => ({
    type: 'Action.Execute',
    title: BUTTON_TITLES[decision],
    verb: DOUBT_ANSWER_VERB,
    data: { doubtId: doubt.id, decision },
    ...(decision === 'approve' ? { style: 'positive' } : decision === 'reject' ? { style: 'destructive' } : {}),
  }));
  return card(body, actions, { refresh: refreshFor(doubt, options) });
}

/** "a, b en c". */
function joinDutch(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

/**
 * Who can see this doubt, and who will if it stays unanswered: read from the same records the
 * access check uses (see `audienceOf`), so the card never promises more or less than the bot allows.
 */
export function audienceLines(doubt: Doubt, leaderTerm: string): string[] {
  if (isSelfRouted(doubt)) return [`Alleen jij ziet deze vraag: in deze demo ben je je eigen ${leaderTerm}.`];
  const { now, later } = audienceOf(doubt);
  const asker = doubt.asker.name ?? 'je collega';
  const lines = [`Deze vraag zien alleen ${joinDutch([asker, ...now.map((p) => personLabel(p, 'Communicatie'))])}.`];
  if (later.length > 0) {
    const labels = later.map(({ stage, person }) => (stage === 'deputy' ? `${personLabel(person, 'de vervanger')} (vervanger)` : personWithRole(person, 'communicatie', leaderTerm)));
    lines.push(`Blijft hij na de herinnering onbeantwoord, dan gaat hij naar ${labels.join(' en daarna naar ')}. Pas dan kan die hem ook zien en beantwoorden.`);
  }
  return lines;
}

function refreshFor(doubt: Doubt, options: LeaderCardOptions): Record<string, unknown> {
  const refresh: Record<string, unknown> = { action: { type: 'Action.Execute', title: 'Vernieuwen', verb: DOUBT_REFRESH_VERB, data: { doubtId: doubt.id } } };
  if (options.refreshUserIds && options.refreshUserIds.length > 0) refresh.userIds = options.refreshUserIds;
  return refresh;
}

/** The leader card after answering (or when the doubt moved on): outcome, who, when, comment; no buttons. */
export function doubtOutcomeCard(doubt: Doubt, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  const withdrawn = doubt.history.some((h) => h.event === 'withdrawn');
  const answer = lastAnswer(doubt);
  const body: CardElement[] = [textBlock(`Twijfel van ${doubt.asker.name ?? 'een collega'}`, { size: 'Medium', weight: 'Bolder' })];
  if (withdrawn) {
    body.push(textBlock('De collega heeft deze vraag ingetrokken en de gegevens laten verwijderen. Je hoeft niets meer te doen.'));
  } else if (answer?.decision && answer.decision !== 'forward' && !awaitsAnswer(doubt)) {
    body.push(
      textBlock(`✅ Beantwoord: **${DECISION_LABELS[answer.decision]}**`),
      ...(answer.text ? [textBlock(answer.text)] : []),
      small(`Door ${answer.authorName ?? `de ${options.leaderTerm}`}, ${formatDutchDateTime(answer.at)}`),
    );
  } else if (awaitsAnswer(doubt) && doubt.stage === 'communicatie' && answer?.decision === 'forward') {
    body.push(textBlock('Doorgestuurd naar Communicatie. Zij nemen het over.'), small(formatDutchDateTime(answer.at)));
  } else {
    body.push(textBlock(`Status: ${statusLabel(doubt)}`));
  }
  const first = doubt.messages[0];
  if (first?.text) body.push(small(`Vraag: ${first.text.length > 200 ? `${first.text.slice(0, 199)}…` : first.text}`));
  if (doubt.status === 'resolved') body.push(small('De collega heeft aangegeven dat het is opgelost.'));
  return card(body);
}
