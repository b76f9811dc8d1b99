import { z } from 'zod';
import { parseWith, type Parsed } from '../shared/parsed.js';
import type { KnowledgeDocument } from './types.js';

/**
 * Short titles of a board's sections, written by hand (`knowledge/<org>/titles.yaml`): what a
 * passage is about in a teacher's words. They name the passages offered as buttons ("Bedoel je…?",
 * "Lees ook"); the re-ranker weighs how much of a question a title covers (not a search field).
 */
export interface SectionTitles {
  org: string;
  /** Section id → title. */
  byId: ReadonlyMap<string, string>;
}

/**
 * At most this many words: a title is a button label, and an out-of-scope reply must not share a
 * run of 8 words with the code (see LABEL_MAX_WORDS in the cards).
 */
export const TITLE_MAX_WORDS = 6;

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0;

const fileSchema = z
  .object({
    org: z.string().min(1),
    titles: z.record(
      z
        .string()
        .trim()
        .min(3, 'een titel is te kort')
        .refine((t) => wordCount(t) <= TITLE_MAX_WORDS, `een titel heeft hoogstens ${TITLE_MAX_WORDS} woorden`),
    ),
  })
  .strict();

/** Validates parsed `titles.yaml` data: the titles, or the problems in Dutch. */
export function validateSectionTitles(data: unknown): Parsed<SectionTitles> {
  const result = parseWith(fileSchema, data);
  if (!result.ok) return result;
  return { ok: true, value: { org: result.value.org, byId: new Map(Object.entries(result.value.titles)) } };
}

/** What is out of step between a board's code and its titles (empty lists when all is well). */
export interface TitlesCheck {
  sectionsWithoutTitle: string[];
  unknownSections: string[];
  /** Titles used for more than one section of the board: the buttons would read the same. */
  duplicates: string[];
}

export function checkSectionTitles(doc: KnowledgeDocument, titles: SectionTitles): TitlesCheck {
  const ids = new Set(doc.sections.map((s) => s.id));
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const title of titles.byId.values()) {
    const key = title.toLowerCase();
    if (seen.has(key)) duplicates.push(title);
    seen.add(key);
  }
  return {
    sectionsWithoutTitle: doc.sections.filter((s) => !titles.byId.has(s.id)).map((s) => s.id),
    unknownSections: [...titles.byId.keys()].filter((id) => !ids.has(id)),
    duplicates,
  };
}

/** The document with each section's title filled in (sections without one keep none). */
export function withTitles(doc: KnowledgeDocument, titles: SectionTitles): KnowledgeDocument {
  return {
    ...doc,
    sections: doc.sections.map((s) => {
      const title = titles.byId.get(s.id);
      return title ? { ...s, title } : s;
    }),
  };
}
