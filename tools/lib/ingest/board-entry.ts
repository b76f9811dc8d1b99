import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, type Audience } from '../../../src/core/knowledge/types.js';

const audienceSchema = z.enum(AUDIENCES as unknown as [Audience, ...Audience[]]);

const boardEntrySchema = z.object({
  org: z.string().regex(/^[a-z0-9-]+$/, 'org moet uit kleine letters, cijfers of - bestaan'),
  organisation: z.string().min(1),
  title: z.string().min(1),
  version: z.string().optional(),
  source: z.string().min(1),
  leaderTerm: z.string().min(1),
  defaultAudience: z.array(audienceSchema).min(1),
  /** Template placeholders as printed (matched case-insensitively) and what they stand for. */
  placeholders: z.record(z.string()).default({}),
  /** Extraction artefacts that are not content: page headers/footers printed on a line of their own. */
  dropLines: z.array(z.string()).default([]),
});

/** One board in `knowledge/boards.yaml`: everything ingestion needs besides the raw text. */
export type BoardEntry = z.infer<typeof boardEntrySchema>;

const boardsFileSchema = z.object({ boards: z.array(boardEntrySchema).min(1) });

/**
 * Parses the board registry (`knowledge/boards.yaml`).
 * Throws an Error with a Dutch message naming the problem when the registry is invalid.
 */
export function parseBoards(yamlText: string): BoardEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`boards.yaml is geen geldige YAML: ${(error as Error).message}`);
  }
  const result = boardsFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`boards.yaml klopt niet: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'onbekende fout'}`);
  }
  const seen = new Set<string>();
  for (const board of result.data.boards) {
    if (seen.has(board.org)) throw new Error(`boards.yaml noemt organisatie "${board.org}" twee keer.`);
    seen.add(board.org);
  }
  return result.data.boards;
}
