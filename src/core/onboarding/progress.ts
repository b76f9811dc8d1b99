import type { KnowledgeDocument } from '../knowledge/types.js';
import type { CourseStep, OnboardingCourse } from './course-schema.js';
import { snapshotCode } from './code-snapshot.js';
import type { OnboardingErrorCode, OnboardingProgress, Transition } from './progress-types.js';

/** The sentence a user confirms at the end of the course or an update. */
export const ACKNOWLEDGEMENT_STATEMENT = 'Ik heb de code gelezen en begrijp wat er van mij verwacht wordt';

const MESSAGES: Record<OnboardingErrorCode, string> = {
  'not-started': 'Je bent nog niet met de onboarding begonnen. Typ "onboarding" om te starten.',
  'already-completed': 'Je hebt de onboarding al afgerond. Wil je hem opnieuw doen? Kies dan "Opnieuw beginnen".',
  'not-current-step': 'Deze kaart is niet meer actueel. Ga verder met de stap waar je nu bent.',
  'unknown-step': 'Deze stap ken ik niet. Typ "onboarding" om verder te gaan waar je was.',
  'unknown-option': 'Kies een van de antwoorden op de kaart en probeer het opnieuw.',
  'already-answered': 'Deze vraag heb je al beantwoord. Kies "Volgende" om verder te gaan.',
  'not-answered': 'Beantwoord eerst de vraag, of kies "Overslaan".',
  'steps-remaining': 'Je bent nog niet bij de laatste stap. Maak eerst de onboarding af.',
  'no-update': 'Je bent helemaal bij: er is geen nieuwe versie van de code om door te nemen.',
  'wrong-org': 'Deze onboarding hoort bij een andere organisatie.',
};

function fail(error: OnboardingErrorCode): { ok: false; error: OnboardingErrorCode; message: string } {
  return { ok: false, error, message: MESSAGES[error] };
}

/** A fresh, not-started progress record (e.g. for someone a leidinggevende invites). */
export function emptyProgress(org: string, now: Date): OnboardingProgress {
  return {
    formatVersion: 1,
    org,
    status: 'not-started',
    paused: false,
    steps: {},
    updatedAt: now.toISOString(),
    acknowledgements: [],
    updating: false,
  };
}

/** First step (in course order) the user has not yet answered or skipped. */
function firstOpenStep(progress: OnboardingProgress, course: OnboardingCourse, after?: string): CourseStep | undefined {
  const from = after === undefined ? 0 : course.steps.findIndex((s) => s.id === after) + 1;
  return course.steps.slice(from).find((s) => progress.steps[s.id] === undefined)
    ?? course.steps.find((s) => progress.steps[s.id] === undefined);
}

/**
 * Makes stored progress consistent with the current course: a step that no longer
 * exists (the course data changed since) is replaced by the first open step.
 */
function align(progress: OnboardingProgress, course: OnboardingCourse): OnboardingProgress {
  if (progress.status !== 'in-progress') return progress;
  const known = new Set(course.steps.map((s) => s.id));
  if (progress.currentStepId !== undefined && known.has(progress.currentStepId)) return progress;
  const next = firstOpenStep(progress, course);
  const aligned = { ...progress };
  if (next) aligned.currentStepId = next.id;
  else delete aligned.currentStepId;
  return aligned;
}

function begin(base: OnboardingProgress, course: OnboardingCourse, now: Date): OnboardingProgress {
  const first = course.steps[0];
  const progress: OnboardingProgress = {
    ...base,
    status: 'in-progress',
    paused: false,
    updating: false,
    steps: {},
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  delete progress.completedAt;
  if (first) progress.currentStepId = first.id;
  return progress;
}

/**
 * "onboarding": starts the course, or continues an unfinished one where the user left off.
 * A completed course is left as is (the card then offers restart or a pending update).
 */
export function startCourse(progress: OnboardingProgress | undefined, course: OnboardingCourse, now: Date): Transition {
  if (progress && progress.org !== course.org) return fail('wrong-org');
  if (!progress || progress.status === 'not-started') return { ok: true, progress: begin(progress ?? emptyProgress(course.org, now), course, now) };
  if (progress.status === 'completed') return { ok: true, progress };
  return { ok: true, progress: { ...align(progress, course), paused: false, updatedAt: now.toISOString() } };
}

/** Feedback after a quiz answer: shown to the user only. */
export interface QuizFeedback {
  correct: boolean;
  correctOptionId: string;
  explanation: string;
}

/**
 * Records an answer to the current step's quiz. Card data is untrusted: a step that is not
 * the current one, an unknown option or a second answer is refused.
 */
export function answerQuiz(
  progress: OnboardingProgress,
  course: OnboardingCourse,
  stepId: string,
  optionId: string,
  now: Date,
): Transition<{ feedback: QuizFeedback }> {
  const checked = checkCurrent(progress, course, stepId);
  if (!checked.ok) return checked;
  const { step, progress: current } = checked;
  if (current.steps[step.id] !== undefined) return fail('already-answered');
  const option = step.quiz.options.find((o) => o.id === optionId);
  if (!option) return fail('unknown-option');
  const correctOption = step.quiz.options.find((o) => o.correct);
  return {
    ok: true,
    progress: {
      ...current,
      paused: false,
      steps: { ...current.steps, [step.id]: { outcome: 'answered', correct: option.correct, at: now.toISOString() } },
      updatedAt: now.toISOString(),
    },
    feedback: { correct: option.correct, correctOptionId: correctOption?.id ?? '', explanation: step.quiz.explanation },
  };
}

function checkCurrent(
  progress: OnboardingProgress,
  course: OnboardingCourse,
  stepId: string,
): { ok: true; step: CourseStep; progress: OnboardingProgress } | { ok: false; error: OnboardingErrorCode; message: string } {
  if (progress.org !== course.org) return fail('wrong-org');
  if (progress.status === 'not-started') return fail('not-started');
  if (progress.status === 'completed') return fail('already-completed');
  const step = course.steps.find((s) => s.id === stepId);
  if (!step) return fail('unknown-step');
  const current = align(progress, course);
  if (current.currentStepId !== stepId) return fail('not-current-step');
  return { ok: true, step, progress: current };
}

function advance(progress: OnboardingProgress, course: OnboardingCourse, from: string, now: Date): OnboardingProgress {
  const next = firstOpenStep(progress, course, from);
  const advanced: OnboardingProgress = { ...progress, paused: false, updatedAt: now.toISOString() };
  if (next) advanced.currentStepId = next.id;
  else delete advanced.currentStepId;
  return advanced;
}

/** "Volgende": moves on after the current step's quiz was answered. */
export function nextStep(progress: OnboardingProgress, course: OnboardingCourse, stepId: string, now: Date): Transition {
  const checked = checkCurrent(progress, course, stepId);
  if (!checked.ok) return checked;
  if (checked.progress.steps[stepId] === undefined) return fail('not-answered');
  return { ok: true, progress: advance(checked.progress, course, stepId, now) };
}

/** "Overslaan": marks the current step skipped and moves on. */
export function skipStep(progress: OnboardingProgress, course: OnboardingCourse, stepId: string, now: Date): Transition {
  const checked = checkCurrent(progress, course, stepId);
  if (!checked.ok) return checked;
  const current = checked.progress;
  const recorded =
    current.steps[stepId] === undefined
      ? { ...current, steps: { ...current.steps, [stepId]: { outcome: 'skipped' as const, at: now.toISOString() } } }
      : current;
  return { ok: true, progress: advance(recorded, course, stepId, now) };
}

/** "Stoppen": keeps everything so the user can continue later where they left off. */
export function stopCourse(progress: OnboardingProgress, now: Date): Transition {
  if (progress.status === 'not-started') return fail('not-started');
  return { ok: true, progress: { ...progress, paused: true, updatedAt: now.toISOString() } };
}

/** "Verder": continues where the user left off (starts the course if it never started). */
export function resumeCourse(progress: OnboardingProgress | undefined, course: OnboardingCourse, now: Date): Transition {
  return startCourse(progress, course, now);
}

/**
 * "Opnieuw beginnen": clears step progress and starts at step 1. Acknowledgements and
 * invitation dates are history and stay.
 */
export function restartCourse(progress: OnboardingProgress | undefined, course: OnboardingCourse, now: Date): Transition {
  if (progress && progress.org !== course.org) return fail('wrong-org');
  return { ok: true, progress: begin(progress ?? emptyProgress(course.org, now), course, now) };
}

/** True when the user is on the acknowledgement card (all steps answered or skipped, or reviewing an update). */
export function awaitingAcknowledgement(progress: OnboardingProgress): boolean {
  if (progress.updating) return true;
  return progress.status === 'in-progress' && progress.currentStepId === undefined;
}

/**
 * Records the acknowledgement with the date, the code version (`version` + `contentHash`)
 * and per-section hashes, and completes the course or update.
 */
export function acknowledge(progress: OnboardingProgress, knowledge: KnowledgeDocument, now: Date): Transition {
  if (progress.org !== knowledge.org) return fail('wrong-org');
  if (progress.status === 'not-started') return fail('not-started');
  if (!awaitingAcknowledgement(progress)) {
    return fail(progress.status === 'completed' ? 'already-completed' : 'steps-remaining');
  }
  const kind = progress.updating ? 'update' : 'course';
  return {
    ok: true,
    progress: {
      ...progress,
      status: 'completed',
      paused: false,
      updating: false,
      completedAt: progress.status === 'completed' && progress.completedAt ? progress.completedAt : now.toISOString(),
      updatedAt: now.toISOString(),
      acknowledgements: [
        ...progress.acknowledgements,
        { at: now.toISOString(), kind, statement: ACKNOWLEDGEMENT_STATEMENT, code: snapshotCode(knowledge) },
      ],
    },
  };
}
