import { card, submit, textBlock, type AdaptiveCard, type CardElement } from '../shared/adaptive-card.js';
import { DOUBT_COMPOSE_VERB } from '../doubts/doubt-actions.js';
import { CHOOSE_CANDIDATE_VERB } from './answer-actions.js';
import { askLeaderLabel } from '../shared/ask-leader.js';

/** What a candidate label needs of a section (structurally the knowledge Section). */
export interface LabelledSection {
  id: string;
  headingPath: readonly string[];
  rule?: string;
  /** Hand-written title (at most 6 words, never quoting the code): the label when there is one. */
  title?: string;
}

export interface UnsureCandidate {
  sectionId: string;
  label: string;
}

/**
 * Words a candidate label may hold at most. An out-of-scope reply must not share a run of 8 words
 * with the code, and headings are code text too (some are a whole first sentence): with at most 6
 * words per label, and "Regel n"/"alinea n" or the heading's cut in between, no run reaches 8.
 */
export const LABEL_MAX_WORDS = 6;

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0;

/** A heading without its numbering ("3.1 Richtlijnen …" → "Richtlijnen …") and trailing colon. */
function bareHeading(heading: string): string {
  return heading.replace(/^\s*(\d+(\.\d+)*|[A-Z])[.)]?\s+(?=\S)/, '').replace(/\s*:\s*$/, '').trim();
}

/** Shortens a heading to `budget` words: the first ones, "…", and the last (which often names the audience). */
function shortHeading(full: string, budget: number): string {
  if (wordCount(full) <= budget) return full;
  // An aside in brackets is the first thing to go: "Voor alle gebruikers (medewerkers, …)".
  const heading = full.replace(/\s*\([^)]*\)/g, '').trim() || full;
  if (wordCount(heading) <= budget) return heading;
  const words = heading.split(/\s+/);
  const last = words.at(-1)!;
  const kept: string[] = [];
  let used = wordCount(last);
  for (const word of words.slice(0, -1)) {
    if (used + wordCount(word) > budget) break;
    kept.push(word);
    used += wordCount(word);
  }
  if (kept.length === 0) return `${words[0]!.slice(0, 30)}…`;
  return `${kept.join(' ').replace(/[\s,;:.]+$/, '')} … ${last}`;
}

/**
 * A button label saying what a passage is about, never quoting it: "Regel 8 · Richtlijnen sociale
 * media … medewerkers", or the heading, with ", alinea n" when the heading has several paragraphs
 * (counted in document order among `sections`, so the reader can find it in the code).
 */
export function candidateLabel(section: LabelledSection, sections: readonly LabelledSection[]): string {
  if (section.title) return section.title;
  const heading = bareHeading(section.headingPath.at(-1) ?? '');
  if (section.rule) {
    const prefix = `Regel ${section.rule}`;
    const budget = LABEL_MAX_WORDS - wordCount(prefix);
    return heading && budget > 0 ? `${prefix} · ${shortHeading(heading, budget)}` : prefix;
  }
  const path = section.headingPath.join('\u0000');
  const siblings = sections.filter((s) => !s.rule && s.headingPath.join('\u0000') === path);
  const paragraph = siblings.length > 1 ? siblings.findIndex((s) => s.id === section.id) + 1 : 0;
  const suffix = paragraph > 0 ? `alinea ${paragraph}` : '';
  // Text before the first heading: named by where it is, not by a heading it does not have.
  if (!heading) return suffix ? `Begin van de code, ${suffix}` : 'Begin van de code';
  const short = shortHeading(heading, LABEL_MAX_WORDS - wordCount(suffix));
  return suffix ? `${short}, ${suffix}` : short;
}

/** Labels for the offered sections, made distinct when two would read the same. */
export function candidateLabels(candidates: readonly LabelledSection[], sections: readonly LabelledSection[]): UnsureCandidate[] {
  const seen = new Map<string, number>();
  return candidates.map((c) => {
    const label = candidateLabel(c, sections);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { sectionId: c.id, label: n > 1 ? `${label} (${n})` : label };
  });
}

/**
 * "Bedoel je…?": the bot is not sure, says so, and offers the two or three passages the question
 * may be about as buttons named by their heading or rule. It quotes nothing: a question that is
 * out of scope after all gets no text of the code. `answerId` refers to the answer remembered in
 * conversation state, which alone decides which sections a click may open.
 */
export function unsureCard(candidates: readonly UnsureCandidate[], answerId: string, leaderTerm: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('Ik weet het niet zeker', { weight: 'Bolder' }),
    textBlock('Ik vond geen stuk in de code dat je vraag duidelijk beantwoordt. Bedoel je een van deze onderwerpen? Kies er een, dan laat ik zien wat er staat.'),
    {
      type: 'ActionSet',
      actions: candidates.map((c) => submit(c.label, CHOOSE_CANDIDATE_VERB, { answerId, sectionId: c.sectionId })),
    },
    textBlock(`Staat het er niet bij? Stel je vraag anders, of kies "${askLeaderLabel(leaderTerm)}".`, { size: 'Small', isSubtle: true, spacing: 'Medium' }),
  ];
  return card(body, [submit(askLeaderLabel(leaderTerm), DOUBT_COMPOSE_VERB, { answerId })]);
}
