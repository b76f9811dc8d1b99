import { excerpt, firstMessage, holderLabel } from '../../core/doubts/doubt-format.js';
import { formatDutchDateTime } from '../../core/shared/dutch-date.js';
import { quoteBox } from '../shared/quote.js';
import { DOUBT_OPEN_VERB } from './doubt-actions.js';
import { DECISION_LABELS, type Doubt, type DoubtMessage } from '../../core/doubts/types.js';
import { textBlock, type CardElement } from '../shared/adaptive-card.js';

/** A labelled block of text in a subtle container. */
export function quoted(label: string, text: string): CardElement[] {
  return [textBlock(label, { size: 'Small', weight: 'Bolder', spacing: 'Medium' }), quoteBox(text)];
}

export function small(text: string, options: Record<string, unknown> = {}): CardElement {
  return textBlock(text, { size: 'Small', isSubtle: true, spacing: 'Small', ...options });
}

/** One doubt in a list ("mijn vragen", "openstaande twijfels"); tapping it opens the doubt. */
export function doubtListItem(doubt: Doubt, items: CardElement[]): CardElement {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    selectAction: { type: 'Action.Submit', data: { verb: DOUBT_OPEN_VERB, doubtId: doubt.id } },
    items,
  };
}

/** The first line of a doubt as a list shows it. */
export function doubtHeadline(doubt: Doubt, prefix = ''): CardElement {
  return textBlock(`${prefix}${excerpt(firstMessage(doubt)?.text || '(tekst verwijderd)')}`, { weight: 'Bolder' });
}

function messageLine(m: DoubtMessage, askerName: string): CardElement[] {
  const who = m.authorName ?? (m.kind === 'answer' ? 'Antwoord' : askerName);
  const when = formatDutchDateTime(m.at);
  if (m.kind === 'answer') {
    const decision = m.decision ? DECISION_LABELS[m.decision] : '';
    return [textBlock(`**${who}**: ${decision}`, { spacing: 'Medium' }), ...(m.text ? [textBlock(m.text)] : []), small(when)];
  }
  const label = m.kind === 'follow-up' ? 'Vervolgvraag' : 'Vraag';
  return [textBlock(`**${label} van ${who}**`, { spacing: 'Medium' }), textBlock(m.text || '(tekst verwijderd)'), small(when)];
}

/**
 * The whole case: the question, the draft post, the dialog's answers and verdict, the cited rules,
 * and every later message. Texts removed by retention or deletion show as such.
 */
export function doubtCaseBody(doubt: Doubt, leaderTerm: string): CardElement[] {
  const asker = doubt.asker.name ?? 'Een collega';
  const body: CardElement[] = [];
  const [first, ...rest] = doubt.messages;
  if (first) body.push(...quoted(`Vraag van ${first.authorName ?? asker} (${formatDutchDateTime(first.at)})`, first.text || '(tekst verwijderd)'));
  const c = doubt.case;
  if (c?.draftText) body.push(...quoted('Het bericht dat geplaatst zou worden', c.draftText));
  if (c?.answers && c.answers.length > 0) {
    body.push(textBlock('Antwoorden in de check "Mag ik dit posten?"', { size: 'Small', weight: 'Bolder', spacing: 'Medium' }));
    body.push({ type: 'FactSet', facts: c.answers.slice(0, 12).map((a) => ({ title: a.question, value: a.answer })) });
  }
  if (c?.verdict) body.push(textBlock(`Uitkomst van de check: **${c.verdict}**`, { spacing: 'Small' }));
  if (c?.rules && c.rules.length > 0) {
    body.push(textBlock('Regels uit de code', { size: 'Small', weight: 'Bolder', spacing: 'Medium' }));
    for (const r of c.rules.slice(0, 5)) body.push(quoteBox(r.quote, { spacing: 'Small' }), small(`Bron: ${r.citation}`));
  }
  for (const m of rest) body.push(...messageLine(m, asker));
  body.push(small(`Ligt bij: ${holderLabel(doubt, leaderTerm)}`, { spacing: 'Medium' }));
  return body;
}
