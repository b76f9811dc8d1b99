import { z } from 'zod';
import { invalid, parseWith, type Parsed } from '../shared/parsed.js';
import { AUDIENCES, type Audience, type KnowledgeDocument } from './types.js';

const audienceSchema = z.enum(AUDIENCES as unknown as [Audience, ...Audience[]]);

const sectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+:\S+$/, 'id moet de vorm <org>:<pad> hebben'),
  org: z.string().min(1),
  headingPath: z.array(z.string()),
  rule: z.string().min(1).optional(),
  audience: z.array(audienceSchema).min(1),
  text: z.string().min(1),
});

const documentSchema = z.object({
  org: z.string().min(1),
  organisation: z.string().min(1),
  title: z.string().min(1),
  version: z.string().min(1).optional(),
  leaderTerm: z.string().min(1),
  contentHash: z.string().min(1),
  sections: z.array(sectionSchema).min(1),
});

/** Zod schema of a stored knowledge document (`knowledge/<org>/sections.yaml`). */
export const knowledgeDocumentSchema = documentSchema;

/**
 * Validates a knowledge document's data (`knowledge/<org>/sections.yaml`): every field present,
 * every section of the document's organisation, no id twice.
 */
export function validateKnowledge(data: unknown): Parsed<KnowledgeDocument> {
  const result = parseWith(documentSchema, data);
  if (!result.ok) return result;
  const document = result.value;
  const ids = new Set<string>();
  for (const section of document.sections) {
    if (section.org !== document.org || !section.id.startsWith(`${document.org}:`)) {
      return invalid(`sectie ${section.id} hoort niet bij organisatie ${document.org}`);
    }
    if (ids.has(section.id)) return invalid(`sectie-id ${section.id} komt twee keer voor`);
    ids.add(section.id);
  }
  return result;
}
