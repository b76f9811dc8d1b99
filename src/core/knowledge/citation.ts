import type { KnowledgeDocument, Section } from './types.js';

/**
 * Human-readable citation of a section, e.g.
 * "Openbaar Onderwijs Groningen, Code Sociale Media, 3.1 Richtlijnen sociale media voor medewerkers, regel 8".
 */
export function formatCitation(doc: Pick<KnowledgeDocument, 'organisation' | 'title'>, section: Section): string {
  const parts = [doc.organisation, doc.title];
  const heading = section.headingPath.at(-1);
  if (heading) parts.push(heading);
  if (section.rule) parts.push(`regel ${section.rule}`);
  return parts.join(', ');
}
