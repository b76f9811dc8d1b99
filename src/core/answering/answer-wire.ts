import type { Section } from '../knowledge/types.js';
import type { AnswerResult, Passage } from './types.js';

/**
 * An answer as it crosses a thread boundary: sections by their position in the board's code (both
 * sides hold the same code), so the other side gets its own Section objects back, not copies.
 */
export interface WirePassage {
  section: number;
  quote: string;
  citation: string;
}

/** An answer's shape over any kind of passage. */
type AnswerOf<P> =
  | { kind: 'answer'; best: P; related: P[]; confidence: number }
  | { kind: 'unsure'; candidates: P[]; confidence: number }
  | { kind: 'not_found'; confidence: number };

export type WireAnswer = AnswerOf<WirePassage>;

function mapPassages<A, B>(result: AnswerOf<A>, map: (passage: A) => B): AnswerOf<B> {
  switch (result.kind) {
    case 'answer':
      return { kind: 'answer', best: map(result.best), related: result.related.map(map), confidence: result.confidence };
    case 'unsure':
      return { kind: 'unsure', candidates: result.candidates.map(map), confidence: result.confidence };
    case 'not_found':
      return { kind: 'not_found', confidence: result.confidence };
  }
}

/** Position of each section in the code, for {@link toWire}. */
export function sectionPositions(sections: readonly Section[]): ReadonlyMap<Section, number> {
  return new Map(sections.map((section, i) => [section, i]));
}

export function toWire(result: AnswerResult, positions: ReadonlyMap<Section, number>): WireAnswer {
  return mapPassages(result, (p: Passage): WirePassage => {
    const section = positions.get(p.section);
    if (section === undefined) throw new Error(`section ${p.section.id} is not part of this board's code`);
    return { section, quote: p.quote, citation: p.citation };
  });
}

export function fromWire(wire: WireAnswer, sections: readonly Section[]): AnswerResult {
  return mapPassages(wire, (p): Passage => {
    const section = sections[p.section];
    if (!section) throw new Error(`no section at position ${p.section} of this board's code`);
    return { section, quote: p.quote, citation: p.citation };
  });
}
