import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  answerQuiz,
  emptyProgress,
  invitable,
  overview,
  skipStep,
  startCourse,
  type OnboardingProgress,
  type Person,
} from '../../src/core/onboarding/index.js';
import { at, days, demoCourse, knowledgeV1, T0 } from './onboarding-fixtures.js';

const course = demoCourse();

function unwrap<T>(r: { ok: true; progress: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.progress;
}

function inProgress(): OnboardingProgress {
  const started = unwrap(startCourse(undefined, course, at(0)));
  return unwrap(answerQuiz(started, course, 'privacy', 'fout', at(1)));
}

function completed(): OnboardingProgress {
  let progress = unwrap(startCourse(undefined, course, at(0)));
  for (const step of course.steps) progress = unwrap(skipStep(progress, course, step.id, at(1)));
  return unwrap(acknowledge(progress, knowledgeV1(), at(2)));
}

const people: Person[] = [
  { id: 'u1', name: 'Anna' },
  { id: 'u2', name: 'Bram' },
  { id: 'u3', name: 'Cor' },
  { id: 'u4', name: 'Dewi' },
  { id: 'u5', name: 'Eva' },
];

describe('overview', () => {
  const progressByUser = {
    u1: completed(),
    u2: inProgress(),
    u4: { ...emptyProgress('demo', T0), invitedAt: T0.toISOString() },
    u9: completed(), // not one of this leader's people
  };

  it('counts completed, in progress and not started for the leader’s own people only', () => {
    const result = overview(progressByUser, people);
    expect(result.counts).toEqual({ total: 5, completed: 1, inProgress: 1, notStarted: 3, outdated: 0 });
    expect(result.completed).toEqual([{ person: people[0], completedAt: at(2).toISOString(), codeVersion: 'januari 2025', outdated: false }]);
    expect(result.notStarted.map((n) => n.person.name)).toEqual(['Cor', 'Dewi', 'Eva']);
    expect(result.notStarted[1]!.invitedAt).toBe(T0.toISOString());
  });

  it('never exposes quiz answers', () => {
    const text = JSON.stringify(overview(progressByUser, people));
    expect(text).not.toMatch(/correct|answered|skipped/);
  });

  it('flags acknowledgements of an older version', () => {
    const result = overview(progressByUser, people, 'hash-v2');
    expect(result.completed[0]!.outdated).toBe(true);
    expect(result.counts.outdated).toBe(1);
  });

  it('keeps someone completed when they restart the course for themselves', () => {
    const restarted = { ...completed(), status: 'in-progress' as const, steps: {} };
    expect(overview({ u1: restarted }, [people[0]!]).counts.completed).toBe(1);
  });
});

describe('invitable', () => {
  it.each([
    ['no progress at all', undefined, T0, true],
    ['invited 6 days ago', { ...emptyProgress('demo', T0), invitedAt: T0.toISOString() }, days(6), false],
    ['invited exactly 7 days ago', { ...emptyProgress('demo', T0), invitedAt: T0.toISOString() }, days(7), true],
    ['in progress', inProgress(), days(30), false],
    ['completed', completed(), days(30), false],
  ] as const)('%s → %s', (_label, progress, now, expected) => {
    const result = invitable({ u1: progress }, [people[0]!], now, 'demo');
    expect(result.length === 1).toBe(expected);
    if (expected) expect(result[0]!.progress).toMatchObject({ invitedAt: now.toISOString(), status: 'not-started', org: 'demo' });
  });

  it('records invitedAt so the next call in the same week invites nobody', () => {
    const first = invitable({}, people, T0, 'demo');
    expect(first.map((i) => i.person.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    const stored = Object.fromEntries(first.map((i) => [i.person.id, JSON.parse(JSON.stringify(i.progress)) as OnboardingProgress]));
    expect(invitable(stored, people, days(3), 'demo')).toEqual([]);
    expect(invitable(stored, people, days(7), 'demo')).toHaveLength(5);
  });

  it('an invited user starts the course normally', () => {
    const [invitation] = invitable({}, [people[0]!], T0, 'demo');
    const started = unwrap(startCourse(invitation!.progress, course, days(1)));
    expect(started).toMatchObject({ status: 'in-progress', currentStepId: 'privacy', invitedAt: T0.toISOString() });
  });
});
