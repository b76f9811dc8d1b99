import { ONBOARDING_VERBS } from '../../core/onboarding/actions.js';
import type { OnboardingOverview } from '../../core/onboarding/overview.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { formatDutchDate } from '../../core/shared/dutch-date.js';
import { countLabel } from './onboarding-format.js';
import { verbatimList } from '../shared/quote.js';

function list(title: string, lines: string[]): CardElement[] {
  if (lines.length === 0) return [];
  return [textBlock(title, { weight: 'Bolder', spacing: 'Medium' }), verbatimList(lines)];
}

/**
 * "onboarding overzicht" for a leidinggevende: who completed (and when), who is busy, who has
 * not started. Only statuses and counts; never quiz answers. `invitableCount` is
 * `invitable(...).length`: the invite button appears only when someone may be invited now.
 */
export function onboardingOverviewCard(overview: OnboardingOverview, invitableCount: number): AdaptiveCard {
  const { counts } = overview;
  if (counts.total === 0) {
    return card([
      textBlock('Onboarding-overzicht', { size: 'Large', weight: 'Bolder' }),
      textBlock('Ik weet nog niet van wie je leidinggevende bent, dus ik kan geen overzicht tonen.'),
    ]);
  }
  const body: CardElement[] = [
    textBlock('Onboarding-overzicht', { size: 'Large', weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Afgerond', value: String(counts.completed) },
        { title: 'Bezig', value: String(counts.inProgress) },
        { title: 'Nog niet begonnen', value: String(counts.notStarted) },
      ],
    },
    ...list(
      'Afgerond',
      overview.completed.map(
        (c) => `${c.person.name}: ${formatDutchDate(c.completedAt)}${c.codeVersion ? ` (versie ${c.codeVersion})` : ''}${c.outdated ? ' · nieuwe versie nog niet bevestigd' : ''}`,
      ),
    ),
    ...list(
      'Bezig',
      overview.inProgress.map((p) => `${p.person.name}${p.startedAt ? `: begonnen op ${formatDutchDate(p.startedAt)}` : ''}`),
    ),
    ...list(
      'Nog niet begonnen',
      overview.notStarted.map((n) => `${n.person.name}${n.invitedAt ? ` (uitgenodigd op ${formatDutchDate(n.invitedAt)})` : ''}`),
    ),
    textBlock('Antwoorden op de oefenvragen zijn alleen voor de medewerker zelf.', { size: 'Small', isSubtle: true, spacing: 'Medium' }),
  ];
  const actions: CardElement[] = [];
  if (invitableCount > 0) {
    actions.push(submit(`Nodig ${countLabel(invitableCount, 'collega', "collega's")} uit`, ONBOARDING_VERBS.invite, {}, { style: 'positive' }));
  } else if (counts.notStarted > 0) {
    body.push(textBlock('Iedereen die nog niet begonnen is, kreeg de afgelopen week al een uitnodiging.', { isSubtle: true }));
  }
  return card(body, actions);
}

/** Sent to a colleague whom their leidinggevende invites to start. */
export function onboardingInvitationCard(orgName: string, leaderTerm: string): AdaptiveCard {
  return card(
    [
      textBlock('Uitnodiging: onboarding sociale media', { size: 'Large', weight: 'Bolder' }),
      textBlock(`Je ${leaderTerm} nodigt je uit om de socialemediacode van ${orgName} te leren kennen. Het duurt ongeveer tien minuten, en je kunt altijd stoppen en later verder gaan.`),
    ],
    [submit('Start de onboarding', ONBOARDING_VERBS.start, {}, { style: 'positive' })],
  );
}

/** Confirmation for the leidinggevende after sending invitations. */
export function onboardingInvitationsSentCard(names: readonly string[]): AdaptiveCard {
  if (names.length === 0) return card([textBlock('Er is nu niemand om uit te nodigen. Iedereen is begonnen of kreeg deze week al een uitnodiging.')]);
  return card([
    textBlock(`Uitnodiging verstuurd aan ${countLabel(names.length, 'collega', "collega's")}:`),
    verbatimList(names),
  ]);
}
