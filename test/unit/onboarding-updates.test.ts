import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  diffVersions,
  inviteToUpdate,
  isEmptyDiff,
  needsUpdate,
  skipStep,
  snapshotCode,
  startCourse,
  startUpdate,
  type OnboardingProgress,
} from '../../src/core/onboarding/index.js';
import { at, days, demoCourse, knowledgeV1, knowledgeV2 } from './onboarding-fixtures.js';

const course = demoCourse();

function completedOnV1(): OnboardingProgress {
  let progress = startCourse(undefined, course, at(0));
  for (const step of course.steps) {
    if (!progress.ok) break;
    progress = skipStep(progress.progress, course, step.id, at(1));
  }
  if (!progress.ok) throw new Error(progress.message);
  const done = acknowledge(progress.progress, knowledgeV1(), at(2));
  if (!done.ok) throw new Error(done.message);
  return done.progress;
}

describe('diffVersions', () => {
  it('lists added and changed sections with their new text and removed ones by label', () => {
    const diff = diffVersions(snapshotCode(knowledgeV1()), knowledgeV2());
    expect(diff.added.map((s) => s.id)).toEqual(['demo:3.5']);
    expect(diff.changed.map((s) => [s.id, s.text])).toEqual([['demo:3.2', 'Ga niet in discussie met een ouder of leerling op sociale media.']]);
    expect(diff.removed).toEqual([{ id: 'demo:3.4', label: expect.stringContaining('3.4 Medewerkers') }]);
  });

  it('is empty for the same version', () => {
    expect(isEmptyDiff(diffVersions(snapshotCode(knowledgeV1()), knowledgeV1()))).toBe(true);
  });

  it('treats a changed heading as a change', () => {
    const v1 = knowledgeV1();
    const renamed = { ...v1, sections: v1.sections.map((s, i) => (i === 0 ? { ...s, headingPath: ['Nieuw'] } : s)) };
    expect(diffVersions(snapshotCode(v1), renamed).changed.map((s) => s.id)).toEqual(['demo:3.1']);
  });
});

describe('needsUpdate and inviteToUpdate', () => {
  it.each([
    ['never acknowledged', undefined, false],
    ['acknowledged the current version', 'v1', false],
    ['acknowledged an older version', 'v2', true],
  ] as const)('%s → %s', (_label, current, expected) => {
    const progress = current === undefined ? undefined : completedOnV1();
    const knowledge = current === 'v2' ? knowledgeV2() : knowledgeV1();
    expect(needsUpdate(progress, knowledge)).toBe(expected);
  });

  it('invites once per new version, with the diff', () => {
    const first = inviteToUpdate(completedOnV1(), knowledgeV2(), days(30));
    expect(first.invite).toBe(true);
    if (!first.invite) return;
    expect(first.progress.updateInvitedFor).toBe('hash-v2');
    expect(first.diff.added).toHaveLength(1);
    const persisted = JSON.parse(JSON.stringify(first.progress)) as OnboardingProgress;
    expect(inviteToUpdate(persisted, knowledgeV2(), days(31)).invite).toBe(false);
    // A later version invites again.
    expect(inviteToUpdate(persisted, { ...knowledgeV2(), contentHash: 'hash-v3' }, days(60)).invite).toBe(true);
  });

  it('does not invite someone who is up to date or never finished', () => {
    expect(inviteToUpdate(completedOnV1(), knowledgeV1(), days(1)).invite).toBe(false);
    const started = startCourse(undefined, course, at(0));
    expect(started.ok && inviteToUpdate(started.progress, knowledgeV2(), days(1)).invite).toBe(false);
  });
});

describe('update walkthrough', () => {
  it('ends in a new acknowledgement of the new version', () => {
    const updating = startUpdate(completedOnV1(), knowledgeV2(), days(30));
    expect(updating.ok).toBe(true);
    if (!updating.ok) return;
    expect(updating.progress.updating).toBe(true);
    expect(updating.diff.removed.map((r) => r.id)).toEqual(['demo:3.4']);
    const done = acknowledge(updating.progress, knowledgeV2(), days(30));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.progress.acknowledgements.map((a) => [a.kind, a.code.contentHash, a.code.version])).toEqual([
      ['course', 'hash-v1', 'januari 2025'],
      ['update', 'hash-v2', 'juni 2025'],
    ]);
    expect(done.progress.updating).toBe(false);
    expect(needsUpdate(done.progress, knowledgeV2())).toBe(false);
  });

  it('is refused when there is nothing new', () => {
    expect(startUpdate(completedOnV1(), knowledgeV1(), days(1))).toMatchObject({ ok: false, error: 'no-update' });
    expect(startUpdate(undefined, knowledgeV2(), days(1))).toMatchObject({ ok: false, error: 'no-update' });
  });
});
