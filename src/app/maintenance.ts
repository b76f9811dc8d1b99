import type { DoubtService } from '../core/doubts/doubt-service.js';
import { expireLearningRecords } from '../core/learning/retention.js';
import type { Clock } from '../core/shared/clock.js';
import type { FeedbackStore } from '../core/shared/feedback.js';
import type { Logger } from '../infra/logger.js';
import type { Notifier } from '../teams/notifier.js';

export interface MaintenanceDeps {
  doubts: DoubtService;
  notifier: Notifier;
  logger: Logger;
  /** Retention of the questions kept for `npm run review`; without it they are left alone. */
  learning?: { feedback: FeedbackStore; clock: Clock; retentionMonths: number };
  /**
   * With several instances on one database: claims this interval's run, true for one instance only
   * (so nobody gets a reminder twice and the work is not done twice). Without it, every tick runs.
   */
  claimRun?: (intervalMs: number) => Promise<boolean>;
}

export interface MaintenanceReport {
  rerouted: number;
  changed: number;
  delivered: number;
  unreachable: number;
  failed: number;
  anonymised: number;
  /** Learning records whose question text was emptied (only on the daily retention run). */
  expiredQuestions?: number;
}

/** Learning-record retention reads every feedback record, so it runs once a day, not every sweep. */
const LEARNING_RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * The periodic doubt sweep: late routing, reminders, rerouting and auto-close, then every due
 * notification (new ones and retries after back-off), then retention (of the questions kept for
 * review only with `learningRetention`: the timer asks for it once a day). Safe to run at any time.
 */
export async function runMaintenance(deps: MaintenanceDeps, options: { learningRetention?: boolean } = {}): Promise<MaintenanceReport> {
  const swept = await deps.doubts.maintenance.sweep();
  // The sweep's new notifications are due now, so delivering the due list covers them and retries.
  const delivery = await deps.notifier.deliver(await deps.doubts.maintenance.dueNotifications());
  const anonymised = await deps.doubts.maintenance.anonymiseExpired();
  const report: MaintenanceReport = { rerouted: swept.rerouted, changed: swept.changed, ...delivery, anonymised };
  if (options.learningRetention && deps.learning) {
    const { feedback, clock, retentionMonths } = deps.learning;
    report.expiredQuestions = await expireLearningRecords(feedback, clock.now(), retentionMonths);
  }
  deps.logger.info({ event: 'maintenance.done', ...report });
  return report;
}

/** Runs {@link runMaintenance} every `minutes` (and once at start), never overlapping; the timer does not keep the process alive. */
export function startMaintenanceTimer(deps: MaintenanceDeps, minutes: number): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  let learningDoneAt = Number.NEGATIVE_INFINITY;
  const tick = () => {
    if (running) return;
    const now = deps.learning?.clock.now().getTime() ?? 0;
    const learningRetention = now - learningDoneAt >= LEARNING_RETENTION_INTERVAL_MS;
    const claimed = deps.claimRun ? deps.claimRun(minutes * 60_000) : Promise.resolve(true);
    running = claimed
      .then((mine) => (mine ? runMaintenance(deps, { learningRetention }) : undefined))
      .then((report) => {
        if (report?.expiredQuestions !== undefined) learningDoneAt = now;
      })
      .catch((error: unknown) => deps.logger.error({ event: 'maintenance.failed', err: { name: (error as Error).name, message: (error as Error).message } }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  const first = setTimeout(tick, 1_000);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
