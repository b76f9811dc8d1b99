import type { DoubtService } from '../core/doubts/doubt-service.js';
import type { Logger } from '../infra/logger.js';
import type { Notifier } from '../teams/notifier.js';

export interface MaintenanceDeps {
  doubts: DoubtService;
  notifier: Notifier;
  logger: Logger;
}

export interface MaintenanceReport {
  rerouted: number;
  changed: number;
  delivered: number;
  unreachable: number;
  failed: number;
  anonymised: number;
}

/**
 * The periodic doubt sweep: late routing, reminders, rerouting and auto-close, then every due
 * notification (new ones and retries after back-off), then retention. Safe to run at any time.
 */
export async function runMaintenance(deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const swept = await deps.doubts.sweep();
  // The sweep's new notifications are due now, so delivering the due list covers them and retries.
  const delivery = await deps.notifier.deliver(await deps.doubts.dueNotifications());
  const anonymised = await deps.doubts.anonymiseExpired();
  const report: MaintenanceReport = { rerouted: swept.rerouted, changed: swept.changed, ...delivery, anonymised };
  deps.logger.info({ event: 'maintenance.done', ...report });
  return report;
}

/** Runs {@link runMaintenance} every `minutes` (and once at start), never overlapping; the timer does not keep the process alive. */
export function startMaintenanceTimer(deps: MaintenanceDeps, minutes: number): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runMaintenance(deps)
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
