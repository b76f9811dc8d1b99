import type { DeliveryOutlook } from '../../core/doubts/doubt-service.js';
import { formatDutchDate, formatDutchDateTime } from '../../core/shared/dutch-date.js';
import { excerpt, firstMessage, holderLabel, isSelfRouted, lastAnswer, personWithRole, statusLabel } from '../../core/doubts/doubt-format.js';
import { nextStage } from '../../core/doubts/doubt-lifecycle.js';
import { DECISION_LABELS, type Doubt } from '../../core/doubts/types.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { doubtCaseBody, doubtHeadline, doubtListItem, small } from './doubt-card-parts.js';
import { DEFAULT_DOUBT_CARD_OPTIONS, DOUBT_COMPOSE_VERB, DOUBT_FOLLOW_UP_VERB, DOUBT_INPUTS, DOUBT_OPEN_VERB, DOUBT_RESOLVE_VERB, type DoubtCardOptions } from './doubt-actions.js';
import { askLeaderLabel } from '../shared/ask-leader.js';

export interface DoubtSentInput {
  doubt: Doubt;
  outlook: DeliveryOutlook;
  recipientRole: 'leader' | 'communicatie' | 'none';
  /** Teams' member look-up failed for the asker: a mapping entry by UPN or e-mail could not be matched. */
  identityUnverified?: boolean;
}

/**
 * Confirmation after "Verstuur": who has the question now, whether they get it now or later, and
 * what happens if nobody answers, each as the records say (never a promise the bot cannot keep).
 */
export function doubtSentCard(result: DoubtSentInput, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  const { doubt, outlook, recipientRole } = result;
  const term = options.leaderTerm;
  const who = holderLabel(doubt, term);
  const unverified = result.identityUnverified === true;
  const lines: string[] = [];
  if (outlook === 'no-recipient') {
    lines.push(
      unverified
        ? `Je vraag is bewaard. Ik kon je gegevens nu niet opvragen bij Teams, daardoor weet ik nog niet wie je ${term} is. Ik probeer het later opnieuw en stuur je vraag dan door.`
        : `Je vraag is bewaard, maar ik weet nog niet wie je ${term} is. Zodra dat bekend is, stuur ik hem door.`,
      `Wacht je liever niet? Vraag het dan ook even zelf aan je ${term}. En bij twijfel: nog niet plaatsen.`,
    );
  } else if (isSelfRouted(doubt)) {
    lines.push(
      `Demo: je bent zelf ingesteld als je eigen ${term}. Je vraag komt daarom hier bij jou binnen, zodat je ook de kant van de ${term} ziet. Beantwoord hem op die kaart.`,
    );
  } else {
    if (recipientRole === 'communicatie') {
      lines.push(
        unverified
          ? `Ik kon je gegevens nu niet opvragen bij Teams, daardoor kon ik je ${term} niet vinden. Daarom gaat je vraag naar ${who}.`
          : `Ik weet niet wie je ${term} is. Daarom gaat je vraag naar ${who}.`,
      );
    }
    if (outlook === 'waiting') {
      // A person named only by UPN/e-mail may have opened the bot without the bot knowing it is them.
      const namedOnly = doubt.assignees.some((a) => a.key.startsWith('upn:'));
      lines.push(
        `Je vraag is bewaard voor ${who}. ${namedOnly ? 'Die kan ik in Teams nog niet bereiken: die heeft Mediawijs nog niet geopend, of ik heb die nog niet herkend.' : 'Die heeft Mediawijs nog niet geopend.'} Zodra die Mediawijs opent, krijgt die je vraag.`,
      );
    } else {
      lines.push(`Je vraag is verstuurd naar ${who}. Je krijgt hier bericht zodra er een antwoord is.`);
    }
    lines.push(nextStepLine(doubt, term));
  }
  return card(
    [textBlock('Je vraag is ontvangen', { size: 'Medium', weight: 'Bolder' }), ...lines.map((l) => textBlock(l)), small('Terugkijken? Typ "mijn vragen".')],
    [submit('Mijn vragen', DOUBT_OPEN_VERB, { list: 'mine' })],
  );
}

/** What happens when nobody answers: the next rung of the ladder, or only a reminder at the top. */
function nextStepLine(doubt: Doubt, term: string): string {
  const next = nextStage(doubt);
  if (!next) return `Komt er binnen een paar werkdagen geen reactie? Dan stuur ik ${holderLabel(doubt, term)} een herinnering.`;
  const to = next.stage === 'deputy' ? personWithRole(next.person, 'deputy', term) : personWithRole(next.person, 'communicatie', term);
  return `Komt er binnen een paar werkdagen geen reactie? Dan gaat je vraag naar ${to}. Je hoort het van mij.`;
}

/** The answer, delivered proactively to the asker, with "Opgelost" and "Ik heb nog een vraag". */
export function doubtAnswerCard(doubt: Doubt, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  const answer = lastAnswer(doubt);
  const who = answer?.authorName ?? `je ${options.leaderTerm}`;
  const body: CardElement[] = [
    textBlock(`Antwoord van ${who}`, { size: 'Medium', weight: 'Bolder' }),
    textBlock(answer?.decision ? `**${DECISION_LABELS[answer.decision]}**` : 'Er is gereageerd op je vraag.'),
  ];
  if (answer?.text) body.push({ type: 'Container', style: 'emphasis', items: [textBlock(answer.text)] });
  if (answer?.decision === 'discuss') body.push(textBlock(`Je ${options.leaderTerm} komt er persoonlijk bij je op terug. Plaats het bericht nog niet.`));
  if (answer?.decision === 'reject') body.push(textBlock('Plaats het bericht dus niet.'));
  const question = firstMessage(doubt);
  if (question?.text) body.push(small(`Je vraag: ${excerpt(question.text, 160)}`));
  if (!doubt.open) return card([...body, small(`Status: ${statusLabel(doubt)}`)]);
  return card(body, [
    submit('Opgelost', DOUBT_RESOLVE_VERB, { doubtId: doubt.id }, { style: 'positive' }),
    {
      type: 'Action.ShowCard',
      title: 'Ik heb nog een vraag',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: DOUBT_INPUTS.followUp, label: 'Je vraag', isMultiline: true, maxLength: 4000, isRequired: true, errorMessage: 'Schrijf eerst je vraag op.' }],
        actions: [submit('Verstuur', DOUBT_FOLLOW_UP_VERB, { doubtId: doubt.id })],
      },
    },
  ]);
}

/** Tells the asker their doubt moved on (rerouted after no answer, failed delivery, or forwarded). */
export function doubtReroutedNoticeCard(doubt: Doubt, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  const term = options.leaderTerm;
  const forwarded = lastAnswer(doubt)?.decision === 'forward' && doubt.stage === 'communicatie';
  const reason = [...doubt.history].reverse().find((h) => h.event === 'rerouted')?.detail ?? '';
  // Who had it before: the deputy when it moved from the deputy to Communicatie, else the leidinggevende.
  const previous = doubt.stage === 'communicatie' && doubt.deputy && doubt.assigneeIds.includes(doubt.deputy.key) ? personWithRole(doubt.deputy, 'deputy', term) : `je ${term}`;
  const holder = holderLabel(doubt, term);
  const text = forwarded
    ? `Je ${term} heeft je vraag doorgestuurd naar ${holder}. Die kijkt ernaar en laat het je weten.`
    : reason.includes('delivery-failed')
      ? `Ik kon je vraag niet bij ${previous} krijgen. Daarom heb ik hem doorgestuurd naar ${holder}.`
      : `${previous.charAt(0).toUpperCase()}${previous.slice(1)} heeft nog niet gereageerd. Daarom heb ik je vraag doorgestuurd naar ${holder}.`;
  const question = firstMessage(doubt);
  return card([
    textBlock('Je vraag is doorgestuurd', { size: 'Medium', weight: 'Bolder' }),
    textBlock(text),
    ...(question?.text ? [small(`Je vraag: ${excerpt(question.text, 160)}`)] : []),
    small('Nog geen antwoord? Plaats het bericht dan nog niet.'),
  ]);
}

/** "mijn vragen": the asker's doubts with status and answers, newest first (as listed by the service). */
export function myDoubtsCard(doubts: readonly Doubt[], options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  if (doubts.length === 0) {
    return card([textBlock('Mijn vragen', { size: 'Medium', weight: 'Bolder' }), textBlock(`Je hebt nog geen vragen aan je ${options.leaderTerm} gesteld.`)], [
      submit(askLeaderLabel(options.leaderTerm), DOUBT_COMPOSE_VERB),
    ]);
  }
  const body: CardElement[] = [textBlock('Mijn vragen', { size: 'Medium', weight: 'Bolder' })];
  for (const d of doubts.slice(0, 20)) {
    body.push(
      doubtListItem(d, [
        doubtHeadline(d),
        small(`${formatDutchDate(d.createdAt)} · ${statusLabel(d)}`),
        ...d.messages.slice(1).flatMap((m) => threadLine(m)),
      ]),
    );
  }
  if (doubts.length > 20) body.push(small(`En nog ${doubts.length - 20} oudere vragen.`));
  return card(body);
}

/** One later message of a doubt: every answer with its decision, and the asker's follow-up questions. */
function threadLine(m: Doubt['messages'][number]): CardElement[] {
  if (m.kind === 'answer') {
    const decision = m.decision ? ` · **${DECISION_LABELS[m.decision]}**` : '';
    return [
      textBlock(`${m.authorName ?? 'Antwoord'}${decision}`, { size: 'Small', spacing: 'Small' }),
      ...(m.text ? [textBlock(excerpt(m.text, 240), { size: 'Small', spacing: 'None' })] : []),
    ];
  }
  return [textBlock(`Jouw vervolgvraag: ${excerpt(m.text || '(tekst verwijderd)', 240)}`, { size: 'Small', spacing: 'Small', isSubtle: true })];
}

/** One doubt opened from a list, for the asker or an assignee. */
export function doubtDetailCard(doubt: Doubt, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  return card([
    textBlock(`Twijfel van ${formatDutchDateTime(doubt.createdAt)}`, { size: 'Medium', weight: 'Bolder' }),
    small(`Status: ${statusLabel(doubt)}`),
    ...doubtCaseBody(doubt, options.leaderTerm),
  ]);
}
