import type { OnboardingProgress } from './progress-types.js';
import { emptyProgress } from './progress.js';

/** Someone a leidinggevende is responsible for, as the shell knows them from the doubts routing mapping. */
export interface Person {
  id: string;
  name: string;
}

/** Progress records by user id; a missing entry means the user never touched onboarding. */
export type ProgressByUser = Readonly<Record<string, OnboardingProgress | undefined>>;

/**
 * What a leidinggevende sees: status and dates only. Quiz answers are deliberately
 * absent; they are for the user's own feedback.
 */
export interface OnboardingOverview {
  completed: { person: Person; completedAt: string; codeVersion?: string; outdated: boolean }[];
  inProgress: { person: Person; startedAt?: string; stepsDone: number }[];
  notStarted: { person: Person; invitedAt?: string }[];
  counts: { total: number; completed: number; inProgress: number; notStarted: number; outdated: number };
}

/**
 * Groups `people` by onboarding status. Anyone who ever acknowledged counts as completed,
 * even if they later restarted the course for themselves. Pass `currentContentHash` to flag
 * acknowledgements of an older code version as `outdated`.
 */
export function overview(progressByUser: ProgressByUser, people: readonly Person[], currentContentHash?: string): OnboardingOverview {
  const result: OnboardingOverview = {
    completed: [],
    inProgress: [],
    notStarted: [],
    counts: { total: people.length, completed: 0, inProgress: 0, notStarted: 0, outdated: 0 },
  };
  const byName = [...people].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  for (const person of byName) {
    const progress = progressByUser[person.id];
    const last = progress?.acknowledgements.at(-1);
    if (progress && last) {
      const outdated = currentContentHash !== undefined && last.code.contentHash !== currentContentHash;
      const entry: OnboardingOverview['completed'][number] = { person, completedAt: last.at, outdated };
      if (last.code.version !== undefined) entry.codeVersion = last.code.version;
      result.completed.push(entry);
      if (outdated) result.counts.outdated += 1;
    } else if (progress && progress.status !== 'not-started') {
      const entry: OnboardingOverview['inProgress'][number] = { person, stepsDone: Object.keys(progress.steps).length };
      if (progress.startedAt !== undefined) entry.startedAt = progress.startedAt;
      result.inProgress.push(entry);
    } else {
      const entry: OnboardingOverview['notStarted'][number] = { person };
      if (progress?.invitedAt !== undefined) entry.invitedAt = progress.invitedAt;
      result.notStarted.push(entry);
    }
  }
  result.counts.completed = result.completed.length;
  result.counts.inProgress = result.inProgress.length;
  result.counts.notStarted = result.notStarted.length;
  return result;
}

/** Minimum time between two invitations to the same person. */
export const INVITATION_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/** One invitation to send; persist `progress` (with `invitedAt` = now) once it is sent. */
export interface Invitation {
  person: Person;
  progress: OnboardingProgress;
}

/**
 * Who among `people` may be invited to start onboarding now: those who have not started
 * and were not invited in the last seven days.
 */
export function invitable(progressByUser: ProgressByUser, people: readonly Person[], now: Date, org: string): Invitation[] {
  const invitations: Invitation[] = [];
  for (const person of people) {
    const progress = progressByUser[person.id];
    if (progress && (progress.status !== 'not-started' || progress.acknowledgements.length > 0)) continue;
    if (progress?.invitedAt !== undefined && now.getTime() - Date.parse(progress.invitedAt) < INVITATION_INTERVAL_MS) continue;
    const base = progress ?? emptyProgress(org, now);
    invitations.push({ person, progress: { ...base, invitedAt: now.toISOString(), updatedAt: now.toISOString() } });
  }
  return invitations;
}
