import { z } from 'zod';
import { parseWith, type Parsed } from '../shared/parsed.js';
import type { KnowledgeDocument } from './types.js';

/**
 * The standard questions staff ask about the code itself, rather than about a rule: what it is for,
 * whom it applies to, whether it covers private accounts, who wrote and adopted it (and whether the
 * staff council consented), since when it applies, what happens when it is broken (and who decides
 * on a sanction), where to find it, what counts as social media, whether the board watches, who
 * sees to it that teams keep to it, whether a school may add rules of its own, whether staff are
 * trusted to use their own judgement, whether staff who never say where they work are still seen as
 * the school's, whether a private or closed account keeps posts from being seen, whether a post
 * taken down (or a story that expires) is gone, who answers for what staff post, how the board
 * looks at social media (an opportunity or a risk), who tells staff about the code, whether pupils
 * and parents are told the rules too, whether "I only forwarded it" makes a difference, where the
 * other documents it refers to are, whether the school acts on what a pupil or parent did online
 * and what it may do to one who breaks it, what its main rule is, and what material and help the
 * board offers staff.
 */
export const CODE_INTENTS = ['purpose', 'audience', 'private', 'source', 'approval', 'consent', 'effective', 'sanctionDecision', 'consequences', 'find', 'definition', 'monitoring', 'oversight', 'local', 'trust', 'representative', 'findable', 'deleted', 'responsible', 'stance', 'informed', 'shared', 'forwarded', 'documents', 'schoolActs', 'pupilMeasures', 'mainRule', 'support'] as const;
export type CodeIntent = (typeof CODE_INTENTS)[number];

/**
 * Which sections of a board's code answer each standard question (`knowledge/<org>/code-intents.yaml`),
 * best first, chosen from the section texts and reviewed like them; an empty list when the code is
 * silent on it. The sections that answer these questions say much the same thing in different
 * places (an introduction, a scope paragraph, a footnote), and ranking by words alone often picks
 * a neighbour; this is the board's own answer to which one is meant.
 */
export interface CodeIntentSections {
  org: string;
  byIntent: ReadonlyMap<CodeIntent, readonly string[]>;
}

/** Intents added after boards' files were written: a file without them still loads (the code is taken to be silent). */
export const OPTIONAL_INTENTS: ReadonlySet<CodeIntent> = new Set(['consent', 'effective', 'sanctionDecision', 'oversight', 'local', 'trust', 'representative', 'findable', 'deleted', 'responsible', 'stance', 'informed', 'shared', 'forwarded', 'documents', 'schoolActs', 'pupilMeasures', 'mainRule', 'support']);

const sectionList = z.array(z.string().min(1)).max(3);
const fileSchema = z
  .object({
    org: z.string().min(1),
    intents: z.object(Object.fromEntries(CODE_INTENTS.map((i) => [i, OPTIONAL_INTENTS.has(i) ? sectionList.default([]) : sectionList]))).strict(),
  })
  .strict();

/** Validates parsed `code-intents.yaml` data: the sections per intent, or the problems in Dutch. */
export function validateCodeIntents(data: unknown): Parsed<CodeIntentSections> {
  const result = parseWith(fileSchema, data);
  if (!result.ok) return result;
  const intents = result.value.intents as Record<CodeIntent, string[]>;
  return { ok: true, value: { org: result.value.org, byIntent: new Map(CODE_INTENTS.map((i) => [i, intents[i]])) } };
}

/** Section ids named for an intent that the code does not have (knowledge:build reports them; a test fails). */
export function unknownIntentSections(doc: KnowledgeDocument, intents: CodeIntentSections): string[] {
  const ids = new Set(doc.sections.map((s) => s.id));
  return [...intents.byIntent.values()].flat().filter((id) => !ids.has(id));
}
