import { z } from 'zod';
import type { KnowledgeDocument } from '../knowledge/types.js';
import type { OnboardingCourse } from './course-schema.js';
import type { OnboardingProgress, Transition } from './progress-types.js';
import {
  acknowledge,
  answerQuiz,
  nextStep,
  restartCourse,
  resumeCourse,
  skipStep,
  startCourse,
  stopCourse,
  type QuizFeedback,
} from './progress.js';
import { startUpdate } from './updates.js';

/** Action.Submit `data.verb` values of the onboarding, welcome and help cards. */
export const ONBOARDING_VERBS = {
  start: 'onboarding.start',
  answer: 'onboarding.answer',
  next: 'onboarding.next',
  skip: 'onboarding.skip',
  stop: 'onboarding.stop',
  resume: 'onboarding.resume',
  restart: 'onboarding.restart',
  acknowledge: 'onboarding.acknowledge',
  update: 'onboarding.update',
  invite: 'onboarding.invite',
  /** Opens the whole code (a chapter with `chapter: n`); changes no progress. */
  readCode: 'onboarding.read-code',
} as const;

/** Card data of "Lees de hele code" and its chapter buttons. */
export const readCodeSchema = z.object({ verb: z.literal(ONBOARDING_VERBS.readCode), chapter: z.number().int().min(0).max(500).optional() });

const stepId = z.string().min(1).max(100);

/** A user's own onboarding action as card data; the shell parses it where it arrives. */
export const onboardingPayload = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(ONBOARDING_VERBS.start) }),
  // optionId may be empty (no choice made); answerQuiz then explains what to do.
  z.object({ verb: z.literal(ONBOARDING_VERBS.answer), stepId, optionId: z.string().max(100).default('') }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.next), stepId }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.skip), stepId }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.stop) }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.resume) }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.restart) }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.acknowledge) }),
  z.object({ verb: z.literal(ONBOARDING_VERBS.update) }),
]);

/** A user's own onboarding action, parsed from card data (`onboarding.invite` is a leader action, handled apart). */
export type OnboardingAction = z.infer<typeof onboardingPayload>;

/** Parses untrusted Action.Submit data; `undefined` when it is not a well-formed onboarding action. */
export function parseOnboardingAction(data: unknown): OnboardingAction | undefined {
  const result = onboardingPayload.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Everything a transition needs besides the user's progress. */
export interface OnboardingContext {
  course: OnboardingCourse;
  knowledge: KnowledgeDocument;
  now: Date;
}

/**
 * Applies one action to a user's progress. On success, persist `progress` and show
 * `onboardingCard(progress, course, knowledge)`; on failure, show `message` (Dutch).
 * `feedback` is set after a quiz answer.
 */
export function applyOnboardingAction(
  progress: OnboardingProgress | undefined,
  action: OnboardingAction,
  { course, knowledge, now }: OnboardingContext,
): Transition<{ feedback?: QuizFeedback }> {
  const notStarted = { ok: false as const, error: 'not-started' as const, message: 'Je bent nog niet met de onboarding begonnen. Typ "onboarding" om te starten.' };
  switch (action.verb) {
    case 'onboarding.start':
      return startCourse(progress, course, now);
    case 'onboarding.resume':
      return resumeCourse(progress, course, now);
    case 'onboarding.restart':
      return restartCourse(progress, course, now);
    case 'onboarding.update':
      return startUpdate(progress, knowledge, now);
    case 'onboarding.answer':
      return progress ? answerQuiz(progress, course, action.stepId, action.optionId, now) : notStarted;
    case 'onboarding.next':
      return progress ? nextStep(progress, course, action.stepId, now) : notStarted;
    case 'onboarding.skip':
      return progress ? skipStep(progress, course, action.stepId, now) : notStarted;
    case 'onboarding.stop':
      return progress ? stopCourse(progress, now) : notStarted;
    case 'onboarding.acknowledge':
      return progress ? acknowledge(progress, knowledge, now) : notStarted;
  }
}
