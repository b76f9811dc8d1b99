import type { Section } from '../knowledge/types.js';

/** A quotable passage of the board's code: `quote` is a verbatim substring of `section.text`. */
export interface Passage {
  section: Section;
  quote: string;
  citation: string;
}

/**
 * What the bot knows about a question: the best passage (plus at most two related ones); or, when
 * it is not sure, the two or three passages the question may be about (offered as "Bedoel je…?",
 * never quoted unasked); or that the code does not answer it. `confidence` is in 0..1.
 */
export type AnswerResult =
  | { kind: 'answer'; best: Passage; related: Passage[]; confidence: number }
  | { kind: 'unsure'; candidates: Passage[]; confidence: number }
  | { kind: 'not_found'; confidence: number };
