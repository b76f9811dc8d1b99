import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
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
 * Parses and validates a knowledge document from its YAML text.
 * Throws an Error with a Dutch message (naming `source` when given) when the YAML is invalid,
 * a field is missing, a section belongs to another organisation or an id occurs twice.
 */
export function parseKnowledge(yamlText: string, source = 'kennisbestand'): KnowledgeDocument {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`${source} is geen geldige YAML: ${(error as Error).message}`);
  }
  const result = documentSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new Error(`${source} klopt niet${where}: ${issue?.message ?? 'onbekende fout'}`);
  }
  const document = result.data;
  const ids = new Set<string>();
  for (const section of document.sections) {
    if (section.org !== document.org || !section.id.startsWith(`${document.org}:`)) {
      throw new Error(`${source} klopt niet: sectie ${section.id} hoort niet bij organisatie ${document.org}.`);
    }
    if (ids.has(section.id)) throw new Error(`${source} klopt niet: sectie-id ${section.id} komt twee keer voor.`);
    ids.add(section.id);
  }
  return document;
}
