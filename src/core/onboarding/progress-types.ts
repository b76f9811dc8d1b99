/** What one user did with one step; quiz correctness is for that user's own feedback only. */
export type StepRecord =
  | { outcome: 'answered'; correct: boolean; at: string }
  | { outcome: 'skipped'; at: string };

/** Hashes of every section of the code at acknowledgement time, so a later version can be compared. */
export interface CodeSnapshot {
  version?: string;
  contentHash: string;
  /** Section id → hash of its text and heading. */
  sectionHashes: Record<string, string>;
  /** Section id → readable label (citation), so removed sections can still be named. */
  sectionLabels: Record<string, string>;
}

/** A recorded "Ik heb de code gelezen..." with the date and the code version it applied to. */
export interface Acknowledgement {
  /** ISO timestamp. */
  at: string;
  kind: 'course' | 'update';
  statement: string;
  code: CodeSnapshot;
}

/**
 * One user's onboarding state. Plain JSON (ISO date strings) so the shell can persist it
 * in a KeyValueStore keyed by user id and it survives restarts.
 */
export interface OnboardingProgress {
  formatVersion: 1;
  org: string;
  status: 'not-started' | 'in-progress' | 'completed';
  /** True after "stoppen": the user continues later with resume. */
  paused: boolean;
  /** The step the user is on; absent while in progress means: all steps done, acknowledgement next. */
  currentStepId?: string;
  steps: Record<string, StepRecord>;
  startedAt?: string;
  completedAt?: string;
  updatedAt: string;
  acknowledgements: Acknowledgement[];
  /** True while the user walks through a version update (after `onboarding.update`). */
  updating: boolean;
  /** contentHash of the code version the user was last invited to review; invitations go out once per version. */
  updateInvitedFor?: string;
  /** When a leidinggevende last invited this user to start; at most once a week. */
  invitedAt?: string;
}

/** Reasons a transition is refused; each comes with a Dutch message for the user. */
export type OnboardingErrorCode =
  | 'not-started'
  | 'already-completed'
  | 'not-current-step'
  | 'unknown-step'
  | 'unknown-option'
  | 'already-answered'
  | 'not-answered'
  | 'steps-remaining'
  | 'no-update'
  | 'wrong-org';

export type Transition<Extra = object> =
  | ({ ok: true; progress: OnboardingProgress } & Extra)
  | { ok: false; error: OnboardingErrorCode; message: string };
