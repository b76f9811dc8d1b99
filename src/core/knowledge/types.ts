/** Who a section of a code is addressed to. */
export type Audience = 'medewerkers' | 'leerlingen' | 'leidinggevenden' | 'ouders' | 'school';

export const AUDIENCES: readonly Audience[] = ['medewerkers', 'leerlingen', 'leidinggevenden', 'ouders', 'school'];

/**
 * One citable unit of a board's code: a numbered rule, or a paragraph-sized topic.
 * Produced by ingestion, stored in `knowledge/<org>/sections.yaml`.
 */
export interface Section {
  /** Stable id, `<org>:<path>`, e.g. `oog:3.1.8` or `konot:donts.3`. Never reused for other content. */
  id: string;
  org: string;
  /** Headings from the top of the document down, e.g. ["3 Richtlijnen", "3.1 Richtlijnen sociale media voor medewerkers"]. */
  headingPath: string[];
  /** The rule number as printed in the code ("8", "01", "A.1"), when the section is a numbered rule. */
  rule?: string;
  audience: Audience[];
  /** Cleaned text: artefacts repaired, placeholders resolved, nothing dropped. */
  text: string;
  /** Short hand-written title (`titles.yaml`): what the passage is about, in a teacher's words. */
  title?: string;
}

/** The code of one board, as stored under `knowledge/<org>/`. */
export interface KnowledgeDocument {
  org: string;
  /** Full organisation name, e.g. "Openbaar Onderwijs Groningen". */
  organisation: string;
  /** Document title, e.g. "Code Sociale Media". */
  title: string;
  /** Version or date as printed in the document ("december 2024"), when known. */
  version?: string;
  /** Who staff turn to in doubt, in the code's own word: "leidinggevende" or "teamleider". */
  leaderTerm: string;
  /** Hash of the section texts; changes whenever the content changes. Used to detect new versions. */
  contentHash: string;
  sections: Section[];
}
