import { createHash } from 'node:crypto';
import type { KnowledgeDocument, Section } from '../../../src/core/knowledge/types.js';
import { assembleSections, splitTitleBlock } from './assemble.js';
import { inferAudience } from './audience.js';
import type { BoardEntry } from './board-entry.js';
import { toItems } from './items.js';
import { repairLines, resolvePlaceholders, type DroppedLine } from './repair.js';

/** Hash over all section ids and texts: changes whenever any citable content changes. */
export function contentHash(sections: readonly Pick<Section, 'id' | 'text'>[]): string {
  const hash = createHash('sha256');
  for (const section of sections) hash.update(`${section.id}\u0000${section.text}\u0000`);
  return `sha256:${hash.digest('hex')}`;
}

/** What ingestion left out of the sections, for review and for the coverage test. */
export interface IngestReport {
  /** Lines blanked as navigation or page furniture (table of contents, page headers). */
  dropped: DroppedLine[];
  /** The document's title lines, stored as metadata instead of as a section. */
  titleBlock: string[];
}

/**
 * Builds the knowledge of one board from its raw protocol text. Pure and deterministic:
 * the same text and board entry always give the same document.
 */
export function buildKnowledgeWithReport(text: string, board: BoardEntry): { document: KnowledgeDocument; report: IngestReport } {
  const { lines, dropped } = repairLines(text, board.dropLines);
  const { title, rest } = splitTitleBlock(toItems(lines));
  const resolve = (value: string) => resolvePlaceholders(value, board.placeholders);
  const seen = new Set<string>();
  const sections: Section[] = assembleSections(rest).map((draft) => {
    let id = `${board.org}:${draft.path}`;
    // Ids must be unique; a repeated path (a rule number printed twice) gets a suffix, deterministically.
    for (let n = 2; seen.has(id); n += 1) id = `${board.org}:${draft.path}-${n}`;
    seen.add(id);
    const headingPath = draft.headingPath.map(resolve);
    const sectionText = resolve(draft.text);
    return {
      id,
      org: board.org,
      headingPath,
      ...(draft.rule !== undefined ? { rule: draft.rule } : {}),
      audience: inferAudience(headingPath, sectionText, board.organisation, board.defaultAudience),
      text: sectionText,
    };
  });
  const document: KnowledgeDocument = {
    org: board.org,
    organisation: board.organisation,
    title: board.title,
    ...(board.version !== undefined ? { version: board.version } : {}),
    leaderTerm: board.leaderTerm,
    contentHash: contentHash(sections),
    sections,
  };
  return { document, report: { dropped, titleBlock: title.map(resolve) } };
}

/** Builds the knowledge of one board from its raw protocol text (see {@link buildKnowledgeWithReport}). */
export function buildKnowledge(text: string, board: BoardEntry): KnowledgeDocument {
  return buildKnowledgeWithReport(text, board).document;
}
