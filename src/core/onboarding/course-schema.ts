// zod/v4 ships inside zod 3.25; it is used here because it can emit the JSON Schema
// that editors use to validate dialogs/<org>/onboarding.yaml (no extra dependency).
import { z } from 'zod/v4';
import { parseWith, type Parsed } from '../shared/parsed.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'gebruik kleine letters, cijfers en streepjes')
  .describe('Stable id; stored in user progress, so never reuse it for other content.');

const nonEmpty = z.string().trim().min(1);

export const quizOptionSchema = z
  .object({
    id,
    label: nonEmpty.describe('Answer text on the button.'),
    correct: z.boolean().default(false),
  })
  .strict();

export const quizSchema = z
  .object({
    question: nonEmpty.describe('A small scenario question, e.g. "Een ouder reageert boos op je post. Wat doe je?"'),
    options: z.array(quizOptionSchema).min(2).max(4),
    explanation: nonEmpty.describe('Feedback shown after answering: why the right answer is right, with the rule.'),
  })
  .strict()
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: 'precies één antwoord moet correct zijn',
    path: ['options'],
  })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, {
    message: 'antwoord-ids moeten uniek zijn',
    path: ['options'],
  });

export const ruleReferenceSchema = z
  .object({
    section: z
      .string()
      .regex(/^[a-z0-9]+:\S+$/, 'verwacht een sectie-id zoals "oog:3.1.8"')
      .describe('Id of a section in knowledge/<org>/sections.yaml.'),
    quote: nonEmpty.describe('Verbatim text of that section (or one verbatim sentence of it).'),
  })
  .strict();

export const courseStepSchema = z
  .object({
    id,
    theme: nonEmpty.describe('Card title: the one theme of this step.'),
    explanation: nonEmpty.describe('Two or three sentences in plain Dutch (B1).'),
    rule: ruleReferenceSchema,
    quiz: quizSchema,
  })
  .strict();

export const onboardingCourseSchema = z
  .object({
    $schema: z.string().optional(),
    org: id.describe('Organisation id, e.g. "oog".'),
    title: nonEmpty,
    intro: nonEmpty.describe('Shown on the first card, before step 1.'),
    steps: z.array(courseStepSchema).min(6).max(10),
  })
  .strict()
  .refine((c) => new Set(c.steps.map((s) => s.id)).size === c.steps.length, {
    message: 'stap-ids moeten uniek zijn',
    path: ['steps'],
  });

/** A board's onboarding course, as validated from `dialogs/<org>/onboarding.yaml`. */
export type OnboardingCourse = z.infer<typeof onboardingCourseSchema>;
export type CourseStep = OnboardingCourse['steps'][number];
export type QuizOption = CourseStep['quiz']['options'][number];

/** Validates a course's data against the course schema. */
export function validateOnboardingCourse(data: unknown): Parsed<OnboardingCourse> {
  return parseWith(onboardingCourseSchema, data);
}

/** JSON Schema of the course file, for editors; `dialogs/schema/onboarding.schema.json` is generated from it. */
export function onboardingCourseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(onboardingCourseSchema, { io: 'input' });
}
