import { describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENT_STATEMENT,
  acknowledge,
  answerQuiz,
  applyOnboardingAction,
  awaitingAcknowledgement,
  nextStep,
  parseOnboardingAction,
  restartCourse,
  resumeCourse,
  skipStep,
  startCourse,
  stopCourse,
  type OnboardingAction,
  type OnboardingProgress,
} from '../../src/core/onboarding/index.js';
import { at, demoCourse, knowledgeV1, T0 } from './onboarding-fixtures.js';

const course = demoCourse();
const knowledge = knowledgeV1();

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** Applies actions in order, one minute apart; fails the test on a refused action. */
function play(actions: OnboardingAction[], start?: OnboardingProgress): OnboardingProgress {
  let progress = start;
  actions.forEach((action, i) => {
    progress = ok(applyOnboardingAction(progress, action, { course, knowledge, now: at(i) })).progress;
  });
  return progress!;
}

const answer = (stepId: string, optionId: string): OnboardingAction => ({ verb: 'onboarding.answer', stepId, optionId });
const next = (stepId: string): OnboardingAction => ({ verb: 'onboarding.next', stepId });
const skip = (stepId: string): OnboardingAction => ({ verb: 'onboarding.skip', stepId });
const start: OnboardingAction = { verb: 'onboarding.start' };

describe('startCourse', () => {
  it('starts at step 1 with the start date', () => {
    const progress = ok(startCourse(undefined, course, T0)).progress;
    expect(progress).toMatchObject({ status: 'in-progress', currentStepId: 'privacy', paused: false, startedAt: T0.toISOString(), steps: {} });
  });

  it('continues where the user was instead of starting over', () => {
    const before = play([start, answer('privacy', 'goed'), next('privacy')]);
    const again = ok(startCourse(before, course, at(10))).progress;
    expect(again.currentStepId).toBe('discussie');
    expect(again.steps.privacy).toBeDefined();
  });

  it('keeps the invitation date of someone who was invited', () => {
    const invited: OnboardingProgress = { ...play([start]), status: 'not-started', invitedAt: T0.toISOString() };
    expect(ok(startCourse(invited, course, at(5))).progress.invitedAt).toBe(T0.toISOString());
  });

  it('refuses progress of another organisation', () => {
    const other = { ...play([start]), org: 'andere' };
    expect(startCourse(other, course, T0)).toMatchObject({ ok: false, error: 'wrong-org' });
  });
});

describe('answerQuiz', () => {
  it.each([
    ['goed', true],
    ['fout', false],
  ])('records option %s as correct=%s and explains the right answer', (optionId, correct) => {
    const result = ok(answerQuiz(play([start]), course, 'privacy', optionId, at(1)));
    expect(result.progress.steps.privacy).toEqual({ outcome: 'answered', correct, at: at(1).toISOString() });
    expect(result.feedback).toEqual({ correct, correctOptionId: 'goed', explanation: course.steps[0]!.quiz.explanation });
    expect(result.progress.currentStepId).toBe('privacy');
  });

  it('stores no chosen option text, only correctness', () => {
    const progress = ok(answerQuiz(play([start]), course, 'privacy', 'fout', at(1))).progress;
    expect(JSON.stringify(progress)).not.toContain('fout');
  });

  it.each([
    ['a step that is not the current one', 'discussie', 'goed', 'not-current-step'],
    ['an unknown step', 'bestaat-niet', 'goed', 'unknown-step'],
    ['an unknown option', 'privacy', 'c', 'unknown-option'],
  ])('refuses %s', (_label, stepId, optionId, error) => {
    const result = answerQuiz(play([start]), course, stepId, optionId, at(1));
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toMatch(/\w/);
  });

  it('refuses a second answer to the same step (no changing answers from an old card)', () => {
    const answered = play([start, answer('privacy', 'fout')]);
    expect(answerQuiz(answered, course, 'privacy', 'goed', at(2))).toMatchObject({ ok: false, error: 'already-answered' });
  });

  it('refuses answers on an old card after moving on', () => {
    const moved = play([start, answer('privacy', 'goed'), next('privacy')]);
    expect(answerQuiz(moved, course, 'privacy', 'goed', at(5))).toMatchObject({ ok: false, error: 'not-current-step' });
  });

  it('refuses answers before the course started', () => {
    const notStarted: OnboardingProgress = { ...play([start]), status: 'not-started' };
    expect(answerQuiz(notStarted, course, 'privacy', 'goed', T0)).toMatchObject({ ok: false, error: 'not-started' });
  });
});

describe('nextStep and skipStep', () => {
  it('needs an answer before "Volgende"', () => {
    expect(nextStep(play([start]), course, 'privacy', at(1))).toMatchObject({ ok: false, error: 'not-answered' });
  });

  it.each([
    ['next after answering', [start, answer('privacy', 'goed'), next('privacy')], 'discussie'],
    ['skip', [start, skip('privacy')], 'discussie'],
    ['skip twice', [start, skip('privacy'), skip('discussie')], 'twijfel'],
  ] as const)('%s moves to the next step', (_label, actions, expected) => {
    expect(play([...actions]).currentStepId).toBe(expected);
  });

  it('records a skip without correctness', () => {
    expect(play([start, skip('privacy')]).steps.privacy).toEqual({ outcome: 'skipped', at: at(1).toISOString() });
  });

  it('refuses to skip a step that is not current', () => {
    expect(skipStep(play([start]), course, 'twijfel', at(1))).toMatchObject({ ok: false, error: 'not-current-step' });
  });

  it('reaches the acknowledgement after the last step', () => {
    const done = play([start, ...course.steps.map((s) => skip(s.id))]);
    expect(done.currentStepId).toBeUndefined();
    expect(done.status).toBe('in-progress');
    expect(awaitingAcknowledgement(done)).toBe(true);
  });
});

describe('stop, resume and restart', () => {
  it('stops and resumes at the same step after a JSON round trip', () => {
    const stopped = ok(stopCourse(play([start, skip('privacy'), answer('discussie', 'goed')]), at(3))).progress;
    expect(stopped.paused).toBe(true);
    const restored = JSON.parse(JSON.stringify(stopped)) as OnboardingProgress;
    const resumed = ok(resumeCourse(restored, course, at(60 * 24))).progress;
    expect(resumed).toMatchObject({ paused: false, currentStepId: 'discussie', status: 'in-progress' });
    expect(resumed.steps).toEqual(stopped.steps);
    // The answered-but-not-advanced step still offers "Volgende".
    expect(nextStep(resumed, course, 'discussie', at(60 * 24 + 1)).ok).toBe(true);
  });

  it('resume of a step removed from the course continues at the first open step', () => {
    const progress = { ...play([start, skip('privacy')]), currentStepId: 'verdwenen' };
    expect(ok(resumeCourse(progress, course, at(5))).progress.currentStepId).toBe('discussie');
  });

  it('restart clears the steps and keeps earlier acknowledgements', () => {
    const completed = ok(acknowledge(play([start, ...course.steps.map((s) => skip(s.id))]), knowledge, at(10))).progress;
    const restarted = ok(restartCourse(completed, course, at(20))).progress;
    expect(restarted).toMatchObject({ status: 'in-progress', currentStepId: 'privacy', steps: {}, startedAt: at(20).toISOString() });
    expect(restarted.acknowledgements).toHaveLength(1);
    expect(restarted.completedAt).toBeUndefined();
  });

  it('stop before starting is refused with a message', () => {
    const notStarted: OnboardingProgress = { ...play([start]), status: 'not-started' };
    expect(stopCourse(notStarted, T0)).toMatchObject({ ok: false, error: 'not-started' });
  });
});

describe('acknowledge', () => {
  const finished = () => play([start, answer('privacy', 'goed'), next('privacy'), ...course.steps.slice(1).map((s) => skip(s.id))]);

  it('records date, statement, version, content hash and per-section hashes', () => {
    const done = ok(acknowledge(finished(), knowledge, at(30))).progress;
    expect(done).toMatchObject({ status: 'completed', completedAt: at(30).toISOString() });
    const [ack] = done.acknowledgements;
    expect(ack).toMatchObject({ at: at(30).toISOString(), kind: 'course', statement: ACKNOWLEDGEMENT_STATEMENT });
    expect(ack!.code.version).toBe('januari 2025');
    expect(ack!.code.contentHash).toBe('hash-v1');
    expect(Object.keys(ack!.code.sectionHashes).sort()).toEqual(knowledge.sections.map((s) => s.id).sort());
    expect(ack!.code.sectionLabels['demo:3.2']).toContain('Demo Onderwijs');
  });

  it.each([
    ['in the middle of the course', () => play([start, skip('privacy')]), 'steps-remaining'],
    ['twice', () => ok(acknowledge(finished(), knowledge, at(30))).progress, 'already-completed'],
    ['for another organisation', () => ({ ...finished(), org: 'andere' }), 'wrong-org'],
  ])('is refused %s', (_label, make, error) => {
    expect(acknowledge(make(), knowledge, at(40))).toMatchObject({ ok: false, error });
  });
});

describe('parseOnboardingAction', () => {
  it.each([
    [{ verb: 'onboarding.answer', stepId: 'privacy', optionId: 'goed' }, true],
    [{ verb: 'onboarding.answer', stepId: 'privacy' }, true],
    [{ verb: 'onboarding.answer', optionId: 'goed' }, false],
    [{ verb: 'onboarding.next' }, false],
    [{ verb: 'onboarding.stop', extra: 1 }, true],
    [{ verb: 'onboarding.invite' }, false],
    [{ verb: 'posting.start' }, false],
    ['onboarding.start', false],
    [null, false],
  ])('%j → valid=%s', (data, valid) => {
    expect(parseOnboardingAction(data) !== undefined).toBe(valid);
  });

  it('an answer submitted without a choice gets a Dutch hint, not a crash', () => {
    const action = parseOnboardingAction({ verb: 'onboarding.answer', stepId: 'privacy' })!;
    const result = applyOnboardingAction(play([start]), action, { course, knowledge, now: at(1) });
    expect(result).toMatchObject({ ok: false, error: 'unknown-option', message: expect.stringContaining('Kies') });
  });

  it('refuses an action that needs progress when there is none', () => {
    expect(applyOnboardingAction(undefined, { verb: 'onboarding.stop' }, { course, knowledge, now: T0 })).toMatchObject({ ok: false, error: 'not-started' });
  });
});
