import type { KnowledgeDocument, Section } from './types.js';

/**
 * Human-readable citation of a section, e.g.
 * "Openbaar Onderwijs Groningen, Code Sociale Media, 3.1 Richtlijnen sociale media voor medewerkers, regel 8".
 */
export function formatCitation(doc: Pick<KnowledgeDocument, 'organisation' | 'title'>, section: Pick<Section, 'headingPath' | 'rule'>): string {
  const location = formatLocation(section);
  return [doc.organisation, doc.title, ...(location ? [location] : [])].join(', ');
}

/**
 * Where a section stands within its code, e.g. "3.1 Richtlijnen sociale media voor medewerkers,
 * regel 8": enough for a passage shown under one whose citation already names the board and code.
 */
function formatLocation(section: Pick<Section, 'headingPath' | 'rule'>): string {
  const parts: string[] = [];
  // Headings such as "Don'ts:" end in a colon in the source; a citation reads better without it.
  const heading = section.headingPath.at(-1)?.replace(/\s*:\s*$/, '');
  if (heading) parts.push(heading);
  if (section.rule) parts.push(`regel ${section.rule}`);
  return parts.join(', ');
}

/**
 * The source shown for a passage listed under another passage of the same code ("Lees ook"): its
 * place in the code, since the passage above names the board and the code in full; the whole
 * citation when the section has no heading or rule to name.
 */
export function relatedSource(passage: { citation: string; section: Pick<Section, 'headingPath' | 'rule'> }): string {
  return formatLocation(passage.section) || passage.citation;
}
