import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourseAgainstKnowledge, normaliseWhitespace } from '../../src/core/onboarding/course-check.js';
import { loadKnowledge } from '../../src/board/board-files.js';
import { loadOnboardingCourse } from '../../src/board/board-files.js';
import { onboardingStepCard } from '../../src/cards/onboarding/onboarding-card.js';
import { startCourse } from '../../src/core/onboarding/progress.js';

const root = path.resolve(import.meta.dirname, '../..');
const ORGS = ['oog', 'konot', 'kempenkind', 'kopwerk', 'school001'] as const;

describe.each(ORGS)('onboarding course of %s', (org) => {
  const load = async () => ({
    course: loadOnboardingCourse(path.join(root, 'dialogs'), org),
    knowledge: loadKnowledge(path.join(root, 'knowledge'), org),
  });

  it('is valid and has 6 to 10 steps with exactly one correct option per quiz', async () => {
    const { course } = await load();
    expect(course.steps.length).toBeGreaterThanOrEqual(6);
    expect(course.steps.length).toBeLessThanOrEqual(10);
    for (const step of course.steps) {
      expect(step.quiz.options.filter((o) => o.correct), step.id).toHaveLength(1);
      expect(step.quiz.options.length).toBeGreaterThanOrEqual(2);
      expect(step.quiz.options.length).toBeLessThanOrEqual(4);
    }
  });

  it('cites sections that exist and quotes them verbatim', async () => {
    const { course, knowledge } = await load();
    expect(checkCourseAgainstKnowledge(course, knowledge)).toEqual([]);
    for (const step of course.steps) {
      const section = knowledge.sections.find((s) => s.id === step.rule.section);
      expect(normaliseWhitespace(section?.text ?? ''), step.id).toContain(normaliseWhitespace(step.rule.quote));
    }
  });

  it('keeps explanations short (two or three sentences)', async () => {
    const { course } = await load();
    for (const step of course.steps) {
      const sentences = step.explanation.split(/(?<=[.!?])\s+(?=[A-Z"'‘“])/).filter(Boolean);
      expect(sentences.length, `${step.id}: ${step.explanation}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${step.id}: ${step.explanation}`).toBeLessThanOrEqual(3);
    }
  });

  it('uses the board’s own leader term for doubts', async () => {
    const { course, knowledge } = await load();
    const text = JSON.stringify(course);
    expect(text).toContain(knowledge.leaderTerm);
    if (knowledge.leaderTerm === 'teamleider') expect(text).not.toMatch(/leidinggevende/);
  });

  it('renders every step card within the Teams size limit', async () => {
    const { course, knowledge } = await load();
    const started = startCourse(undefined, course, new Date('2025-01-01T00:00:00Z'));
    if (!started.ok) throw new Error(started.message);
    for (const step of course.steps) {
      expect(JSON.stringify(onboardingStepCard(started.progress, course, knowledge, step.id)).length).toBeLessThan(28_000);
    }
  });
});

describe('quiz answers that make the teacher think', () => {
  // Wrong options are common misconceptions, written out as fully as the right one: a right answer
  // that is always the longest, or wrong ones that are short jokes ("Ja, weg is weg."), give it away.
  it.each(ORGS)('%s: every wrong option is at least 60%% as long as the right one', async (org) => {
    const course = loadOnboardingCourse(path.join(root, 'dialogs'), org);
    for (const step of course.steps) {
      const right = step.quiz.options.find((o) => o.correct)!;
      for (const wrong of step.quiz.options.filter((o) => !o.correct)) {
        expect(wrong.label.length, `${step.id}: "${wrong.label}"`).toBeGreaterThanOrEqual(0.6 * right.label.length);
      }
    }
  });

  it.each(ORGS)('%s: the right answer is the longest in at most half of the steps', async (org) => {
    const course = loadOnboardingCourse(path.join(root, 'dialogs'), org);
    const longest = course.steps.filter((step) => {
      const right = step.quiz.options.find((o) => o.correct)!;
      return step.quiz.options.every((o) => o === right || o.label.length < right.label.length);
    });
    expect(longest.length, longest.map((s) => s.id).join(', ')).toBeLessThanOrEqual(Math.ceil(course.steps.length / 2));
  });
});
