import type { KnowledgeDocument } from '../knowledge/types.js';
import { diffVersions, type VersionDiff } from './code-snapshot.js';
import type { Acknowledgement, OnboardingProgress, Transition } from './progress-types.js';

/** The user's most recent acknowledgement, if any. */
export function latestAcknowledgement(progress: OnboardingProgress | undefined): Acknowledgement | undefined {
  return progress?.acknowledgements.at(-1);
}

/** True when the user acknowledged an older version of the code than the current one. */
export function needsUpdate(progress: OnboardingProgress | undefined, knowledge: KnowledgeDocument): boolean {
  const last = latestAcknowledgement(progress);
  return last !== undefined && last.code.contentHash !== knowledge.contentHash;
}

/**
 * Decides whether to invite the user to the update of the current version, and records
 * that the invitation went out: each user is invited once per code version.
 * Persist the returned progress after sending the invitation.
 */
export function inviteToUpdate(
  progress: OnboardingProgress | undefined,
  knowledge: KnowledgeDocument,
  now: Date,
): { invite: false } | { invite: true; progress: OnboardingProgress; diff: VersionDiff } {
  const last = latestAcknowledgement(progress);
  if (!progress || !last || !needsUpdate(progress, knowledge)) return { invite: false };
  if (progress.updateInvitedFor === knowledge.contentHash) return { invite: false };
  return {
    invite: true,
    progress: { ...progress, updateInvitedFor: knowledge.contentHash, updatedAt: now.toISOString() },
    diff: diffVersions(last.code, knowledge),
  };
}

/** "onboarding.update": opens the update (changes since the last acknowledgement, then a new acknowledgement). */
export function startUpdate(
  progress: OnboardingProgress | undefined,
  knowledge: KnowledgeDocument,
  now: Date,
): Transition<{ diff: VersionDiff }> {
  const last = latestAcknowledgement(progress);
  if (!progress || !last || !needsUpdate(progress, knowledge)) {
    return { ok: false, error: 'no-update', message: 'Je bent helemaal bij: er is geen nieuwe versie van de code om door te nemen.' };
  }
  return {
    ok: true,
    progress: { ...progress, updating: true, paused: false, updatedAt: now.toISOString() },
    diff: diffVersions(last.code, knowledge),
  };
}
