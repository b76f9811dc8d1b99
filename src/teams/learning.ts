import type { AppDeps } from './deps.js';
import { redactPersonalData } from '../core/privacy/redact.js';
import type { LearningVerdict } from '../core/shared/feedback.js';

export interface LearningEvent {
  verdict: LearningVerdict;
  question: string;
  sectionId?: string;
  candidates?: string[];
}

/**
 * Keeps what reviewers learn from (`npm run review`): the question text only, with phone numbers
 * and e-mail addresses removed, and never who asked. A failing store must not cost the user the
 * reply, so a failure is logged, not thrown.
 */
export async function recordLearning(deps: AppDeps, event: LearningEvent): Promise<void> {
  try {
    await deps.store.feedback.add({
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      org: deps.board.org,
      question: redactPersonalData(event.question).text,
      verdict: event.verdict,
      ...(event.sectionId ? { sectionId: event.sectionId } : {}),
      ...(event.candidates ? { candidates: [...event.candidates] } : {}),
    });
  } catch (error) {
    deps.logger.warn({ event: 'learning.record-failed', verdict: event.verdict, err: { name: (error as Error).name, message: (error as Error).message } });
  }
}
