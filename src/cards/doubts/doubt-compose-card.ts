import { FINDING_LABELS, type Finding } from '../../core/privacy/detect.js';
import { codeLead, type CodeLead } from '../answers/answer-card.js';
import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { DEFAULT_DOUBT_CARD_OPTIONS, DOUBT_CANCEL_VERB, DOUBT_INPUTS, DOUBT_REDACT_VERB, DOUBT_SEND_VERB, type DoubtCardOptions } from './doubt-actions.js';
import { askLeaderLabel } from '../shared/ask-leader.js';

export interface ComposeCardInput {
  text?: string;
  draftText?: string;
  /** Who will receive it, e.g. "Anna de Vries (leidinggevende)"; undefined when nobody is known. */
  recipientLabel?: string;
  /** Nobody is known as leidinggevende, so the recipient is the board's Communicatie contact. */
  fallback?: boolean;
  /** The asker is their own leidinggevende (demo). */
  selfRouted?: boolean;
  /** Likely personal data found when the asker pressed "Verstuur": shown, with one-click fixes. */
  detected?: readonly Finding[];
  /** What the code says about the question, shown first (a free-text doubt is a question too). */
  lead?: CodeLead;
  /** Passed through in every action's data (e.g. a key to the posting case in conversation state). */
  data?: Record<string, unknown>;
}

const PRIVACY_WARNING = 'Let op: zet geen namen, foto’s of andere persoonsgegevens van leerlingen in je vraag.';

/**
 * The asker writes the doubt (and may paste the draft post), sees who will receive it and the
 * privacy warning, and confirms with "Verstuur".
 */
export function doubtComposeCard(input: ComposeCardInput, options: DoubtCardOptions = DEFAULT_DOUBT_CARD_OPTIONS): AdaptiveCard {
  const data = input.data ?? {};
  const body: CardElement[] = [
    ...(input.lead ? codeLead(input.lead) : []),
    textBlock(askLeaderLabel(options.leaderTerm), { size: 'Medium', weight: 'Bolder', spacing: input.lead ? 'Large' : 'Default' }),
    textBlock('Schrijf kort waar je over twijfelt. Plak het bericht erbij als je dat wilt.'),
    { type: 'Input.Text', id: DOUBT_INPUTS.text, label: 'Je vraag', isMultiline: true, maxLength: 4000, isRequired: true, errorMessage: 'Schrijf eerst je vraag op.', value: input.text ?? '' },
    { type: 'Input.Text', id: DOUBT_INPUTS.draft, label: 'Het bericht (niet verplicht)', isMultiline: true, maxLength: 4000, value: input.draftText ?? '' },
    textBlock(recipientLine(input, options.leaderTerm), { spacing: 'Medium' }),
    textBlock(PRIVACY_WARNING, { color: 'Attention', size: 'Small' }),
  ];
  const detected = input.detected ?? [];
  if (detected.length === 0) return card(body, [submit('Verstuur', DOUBT_SEND_VERB, data, { style: 'positive' }), submit('Annuleer', DOUBT_CANCEL_VERB, data)]);
  body.push(...findingsBlock(detected));
  // Sending as it is stays possible, but only as its own, explicit choice.
  return card(body, [
    submit(replaceTitle(detected), DOUBT_REDACT_VERB, { ...data, mode: 'replace' }, { style: 'positive' }),
    submit('Haal ze weg', DOUBT_REDACT_VERB, { ...data, mode: 'remove' }),
    submit('Verstuur zoals het is', DOUBT_SEND_VERB, { ...data, sendAsIs: true }),
    submit('Annuleer', DOUBT_CANCEL_VERB, data),
  ]);
}

/** What was found, each with what it would become, so the asker can judge every item. */
function findingsBlock(detected: readonly Finding[]): CardElement[] {
  const lines = detected.slice(0, 8).map((f) => `- ${FINDING_LABELS[f.kind]}: **${f.value}** → ${f.placeholder}`);
  if (detected.length > 8) lines.push(`- en nog ${detected.length - 8}`);
  return [
    {
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [
        textBlock('Dit lijken persoonsgegevens', { weight: 'Bolder' }),
        textBlock(lines.join('\n')),
        textBlock('Je vraag komt bij een ander terecht en wordt bewaard. Vervang ze, haal ze weg, of verstuur je vraag toch zoals hij is.', { size: 'Small', wrap: true }),
      ],
    },
  ];
}

/** "Vervang door [leerling]" when everything gets the same placeholder; else "Vervang ze" (the list says by what). */
function replaceTitle(detected: readonly Finding[]): string {
  const placeholders = [...new Set(detected.map((f) => f.placeholder))];
  return placeholders.length === 1 ? `Vervang door ${placeholders[0]}` : 'Vervang ze';
}

function recipientLine(input: ComposeCardInput, leaderTerm: string): string {
  if (input.selfRouted) return `Je bent zelf ingesteld als ${leaderTerm}: je vraag komt bij jou terug (demo).`;
  if (input.recipientLabel && input.fallback) return `Ik weet niet wie je ${leaderTerm} is. Je vraag gaat daarom naar: **${input.recipientLabel}**.`;
  if (input.recipientLabel) return `Je vraag gaat naar: **${input.recipientLabel}**.`;
  return `Ik weet nog niet wie je ${leaderTerm} is. Je vraag wordt wel bewaard.`;
}
