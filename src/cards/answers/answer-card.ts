import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { askLeaderLabel } from '../shared/ask-leader.js';
import { quoteBox, verbatim } from '../shared/quote.js';
import { FEEDBACK_VERB } from './answer-actions.js';
import { DOUBT_COMPOSE_VERB } from '../doubts/doubt-actions.js';
import { POSTING_VERBS } from '../posting/posting-actions.js';
import { relatedSource } from '../../core/knowledge/citation.js';

/** What the answer card needs of a retrieved passage (structurally the answering core's Passage). */
export interface QuotedPassage {
  quote: string;
  citation: string;
  section: { id: string; headingPath: string[]; rule?: string; title?: string };
}

/** The one heading above a quoted passage, on answers and on the code's answer above a flow. */
export const ANSWER_HEADING = 'Dit staat in de code:';

/**
 * The reply to a question the code answers: the passage quoted verbatim, its citation,
 * up to two related passages behind one tap, feedback buttons and the next steps.
 * `answerId` refers to the answer kept in conversation state; the card carries no question text.
 */
export function answerCard(best: QuotedPassage, related: readonly QuotedPassage[], answerId: string, leaderTerm: string, below?: 'short-answer'): AdaptiveCard {
  const body: CardElement[] = [
    ...(below === 'short-answer' ? [shortAnswerNote()] : []),
    textBlock(ANSWER_HEADING, { size: 'Small', weight: 'Bolder', color: 'Accent' }),
    quoteBox(best.quote),
    textBlock(`Bron: ${best.citation}`, { size: 'Small', isSubtle: true, spacing: 'Small' }),
  ];

  body.push(...relatedPassages(related));

  body.push(
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        submit('👍 Nuttig', FEEDBACK_VERB, { answerId, rating: 'up' }),
        submit('👎 Niet nuttig', FEEDBACK_VERB, { answerId, rating: 'down' }),
      ],
    },
  );

  return card(body, [
    submit('Mag ik dit posten?', POSTING_VERBS.start),
    submit(askLeaderLabel(leaderTerm), DOUBT_COMPOSE_VERB, { answerId }),
  ]);
}

/**
 * Under a message's "Kort gezegd: …" (its text, so Teams can stream it and show its citations):
 * marked as made by AI in every client (Teams adds its own label from the message's AI entity),
 * and pointing at the quote as what counts.
 */
function shortAnswerNote(): CardElement {
  return textBlock('✨ "Kort gezegd" is gemaakt met AI, op basis van de tekst hieronder. Lees altijd de tekst zelf.', { size: 'Small', isSubtle: true });
}

/** What the code says about a request that opened another flow (posting check, doubt), quoted verbatim. */
export interface CodeLead {
  best: QuotedPassage;
  related: readonly QuotedPassage[];
}

/** The code's answer on top of a flow card, so the user has it before any question. */
export function codeLead(lead: CodeLead): CardElement[] {
  return [
    textBlock(ANSWER_HEADING, { size: 'Small', weight: 'Bolder', color: 'Accent' }),
    quoteBox(lead.best.quote),
    textBlock(`Bron: ${lead.best.citation}`, { size: 'Small', isSubtle: true, spacing: 'Small' }),
    ...relatedPassages(lead.related),
  ];
}

/**
 * "Lees ook:" with up to two related passages, each opened with one tap (Action.ShowCard), with
 * their place in the code as source ("Bron: 3.2 …, regel 5"; see relatedSource).
 */
export function relatedPassages(related: readonly QuotedPassage[]): CardElement[] {
  if (related.length === 0) return [];
  return [
    textBlock('Lees ook:', { size: 'Small', weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'ActionSet',
      actions: related.slice(0, 2).map((p) => ({
        type: 'Action.ShowCard',
        title: relatedTitle(p),
        card: {
          type: 'AdaptiveCard',
          body: [verbatim(p.quote), textBlock(`Bron: ${relatedSource(p)}`, { size: 'Small', isSubtle: true })],
        },
      })),
    },
  ];
}

/** Reply when the code does not answer: says so plainly, quotes nothing, offers the leidinggevende. */
export function notFoundCard(organisation: string, leaderTerm: string, answerId: string): AdaptiveCard {
  return card(
    [
      textBlock('Daar zegt de code niets over', { weight: 'Bolder' }),
      textBlock(
        `Ik heb in de code sociale media van ${organisation} geen antwoord op je vraag gevonden. Ik verzin liever niets. ` +
          `Stel je vraag anders, of kies "${askLeaderLabel(leaderTerm)}".`,
      ),
      {
        type: 'ActionSet',
        actions: [submit('👎 Hier had ik een antwoord verwacht', FEEDBACK_VERB, { answerId, rating: 'down' })],
      },
    ],
    [submit(askLeaderLabel(leaderTerm), DOUBT_COMPOSE_VERB, { answerId })],
  );
}

/** A single passage opened on request (e.g. from a list), with its citation. */
export function passageCard(passage: QuotedPassage): AdaptiveCard {
  return card([
    quoteBox(passage.quote),
    textBlock(`Bron: ${passage.citation}`, { size: 'Small', isSubtle: true }),
  ]);
}

/** Longest "Lees ook" label: Teams cuts longer button titles off mid-word in a narrow chat. */
export const TITLE_MAX = 36;

/** The first words of a passage, cut at a word boundary (never inside a word), as a button label. */
export function firstWords(text: string, max: number): string {
  const clean = text.replace(/^[\s\-*\u2022\u00b9\u00b2\u00b3]+/, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max - 1);
  const kept = cut > 0 ? clean.slice(0, cut) : (clean.split(' ')[0] ?? clean);
  return `${kept.replace(/[\s,;:.(\-–]+$/, '')}…`;
}

/**
 * Button label of a related passage, named by what it is about: its hand-written title ("Ouders als
 * vriend toevoegen"), or without one its first words ("Plaats geen foto’s van…"), after "Regel n ·"
 * when it is a numbered rule. Headings such as "4.2 School" or "3 Richtlijnen" say where a passage
 * is, not what it is about.
 */
export function relatedTitle(p: QuotedPassage): string {
  if (p.section.title) return firstWords(p.section.title, TITLE_MAX);
  const prefix = p.section.rule ? `Regel ${p.section.rule} · ` : '';
  return `${prefix}${firstWords(p.quote, TITLE_MAX - prefix.length) || 'Passage'}`;
}
