import { z } from 'zod/v4';
import { FACT_IDS, VERDICTS, type Condition, type PostingDefinition } from './types.js';
import { parseWith, type Parsed } from '../shared/parsed.js';

const factId = z.enum(FACT_IDS);
const sectionId = z.string().regex(/^[a-z0-9]+:[^\s]+$/, 'sectie-id zoals "oog:3.1.8"');

const factMap = z
  .object(Object.fromEntries(FACT_IDS.map((id) => [id, z.boolean().nullable().optional()])))
  .strict();

/** Zod schema of a {@link Condition}. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    factMap,
  ]),
) as z.ZodType<Condition>;

const factDefinition = z
  .object({
    id: factId,
    question: z.string().min(5),
    why: z.string().min(5),
    source: sectionId,
    askWhen: conditionSchema.optional(),
  })
  .strict();

const ruleDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    verdict: z.enum(VERDICTS),
    when: conditionSchema,
    cite: z.array(sectionId).min(1),
    conditions: z.array(z.string().min(3)).optional(),
    alternatives: z.array(z.string().min(3)).optional(),
    ifUnknown: z.enum(['twijfel', 'apply', 'ignore']).optional(),
  })
  .strict()
  .refine((r) => r.verdict !== 'ja, mits' || (r.conditions?.length ?? 0) > 0, {
    message: 'een "ja, mits"-regel heeft conditions nodig',
  })
  .refine((r) => r.verdict !== 'nee' || (r.alternatives?.length ?? 0) > 0, {
    message: 'een "nee"-regel heeft alternatives nodig (wat je in plaats daarvan doet)',
  });

/** Zod schema of `dialogs/<org>/posting.yaml`. */
export const postingDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    org: z.string().regex(/^[a-z0-9]+$/),
    leaderTerm: z.string().min(3),
    doubtCite: z.array(sectionId).min(1),
    doubtAdvice: z.array(z.string().min(3)).min(1),
    facts: z.array(factDefinition),
    rules: z.array(ruleDefinition).min(1),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const fact of def.facts) {
      if (seen.has(fact.id)) ctx.addIssue({ code: 'custom', message: `vraag "${fact.id}" staat er twee keer in` });
      seen.add(fact.id);
    }
    for (const id of FACT_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `vraag "${id}" ontbreekt` });
    }
    const ruleIds = new Set<string>();
    for (const rule of def.rules) {
      if (ruleIds.has(rule.id)) ctx.addIssue({ code: 'custom', message: `regel "${rule.id}" staat er twee keer in` });
      ruleIds.add(rule.id);
    }
    const prefix = `${def.org}:`;
    const cited = [...def.doubtCite, ...def.facts.map((f) => f.source), ...def.rules.flatMap((r) => r.cite)];
    for (const id of cited) {
      if (!id.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `sectie "${id}" hoort niet bij ${def.org}` });
    }
  });

/** Validates a posting definition's data; the problems are Dutch, one per issue. */
export function validatePostingDefinition(value: unknown): Parsed<PostingDefinition> {
  const result = parseWith(postingDefinitionSchema, value);
  if (!result.ok) return result;
  const { $schema: _ignored, ...definition } = result.value;
  return { ok: true, value: definition };
}

/** JSON Schema of the definition file, for editors (`dialogs/schema/posting.schema.json`). */
export function postingJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(postingDefinitionSchema, { io: 'input', unrepresentable: 'any' });
}

/** The JSON Schema file as written to disk (stable formatting, so a test can see it is up to date). */
export function postingSchemaFileText(): string {
  return `${JSON.stringify(postingJsonSchema(), null, 2)}\n`;
}
