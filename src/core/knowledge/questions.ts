import { z } from 'zod';
import type { KnowledgeDocument } from './types.js';
import { parseWith, type Parsed } from '../shared/parsed.js';

/**
 * The questions each section of a board's code answers, as staff type them in Teams
 * (`knowledge/<org>/questions.yaml`, keyed by section id). Retrieval matches a teacher's question
 * against them as well as against the code's own words: the teacher's words are rarely the code's.
 */
export interface SectionQuestions {
  org: string;
  /** Section id → the questions that section answers. */
  bySection: ReadonlyMap<string, readonly string[]>;
}

const fileSchema = z
  .object({
    org: z.string().min(1),
    sections: z.record(z.array(z.string().trim().min(3, 'een vraag is te kort')).min(1, 'heeft geen vragen')),
  })
  .strict();

/** Validates `questions.yaml` data. */
export function validateSectionQuestions(data: unknown): Parsed<SectionQuestions> {
  const result = parseWith(fileSchema, data);
  if (!result.ok) return result;
  const bySection = new Map<string, readonly string[]>();
  for (const [id, questions] of Object.entries(result.value.sections)) bySection.set(id, questions);
  return { ok: true, value: { org: result.value.org, bySection } };
}

/** What is out of step between a board's code and its questions (empty when all is well). */
export interface QuestionsCheck {
  /** Sections of the code that have no questions. */
  sectionsWithoutQuestions: string[];
  /** Keys of the questions file that name no section of the code. */
  unknownSections: string[];
  /** The same question (after folding case and spaces) under more than one section. */
  duplicates: string[];
}

export function checkSectionQuestions(doc: KnowledgeDocument, questions: SectionQuestions): QuestionsCheck {
  const ids = new Set(doc.sections.map((s) => s.id));
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const [id, list] of questions.bySection) {
    for (const q of list) {
      const key = q.toLowerCase().replace(/\s+/g, ' ').trim();
      const other = seen.get(key);
      if (other !== undefined && other !== id) duplicates.push(`${q} (${other}, ${id})`);
      seen.set(key, id);
    }
  }
  return {
    sectionsWithoutQuestions: doc.sections.filter((s) => !(questions.bySection.get(s.id)?.length)).map((s) => s.id),
    unknownSections: [...questions.bySection.keys()].filter((id) => !ids.has(id)),
    duplicates,
  };
}

const outOfScopeSchema = z.object({ themes: z.record(z.array(z.string().trim().min(3, 'een vraag is te kort')).min(1)) }).strict();

/**
 * Validates `knowledge/out-of-scope.yaml`: questions staff ask that no board's code answers, by
 * theme. Returns them as one list.
 */
export function validateOutOfScopeQuestions(data: unknown): Parsed<string[]> {
  const result = parseWith(outOfScopeSchema, data);
  return result.ok ? { ok: true, value: Object.values(result.value.themes).flat() } : result;
}

/**
 * What one board's code is silent on (`knowledge/<org>/silent.yaml`): topics close to the domain that
 * another board's code or a teacher's expectation would make the bot quote something for ("mag ik
 * ouders appen vanaf mijn privénummer?" where the code says nothing of it), each with why the code is
 * silent and the questions staff would ask. Negative examples for that board only.
 */
export interface SilentTopics {
  org: string;
  questions: string[];
}

const silentSchema = z
  .object({
    org: z.string().min(1),
    topics: z.array(
      z
        .object({
          topic: z.string().trim().min(3),
          why: z.string().trim().min(3, 'zeg waarom de code hierover niets zegt'),
          questions: z.array(z.string().trim().min(3, 'een vraag is te kort')).min(1),
        })
        .strict(),
    ),
  })
  .strict();

/** Validates `silent.yaml` data; the questions as one list. */
export function validateSilentTopics(data: unknown): Parsed<SilentTopics> {
  const result = parseWith(silentSchema, data);
  return result.ok ? { ok: true, value: { org: result.value.org, questions: result.value.topics.flatMap((t) => t.questions) } } : result;
}
