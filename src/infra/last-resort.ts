import type { Logger } from './logger.js';

/**
 * The last line of defence, not a fix: an exception or rejection that escaped every handler is
 * logged (one line, with its stack for the operator) and the server keeps serving, so one
 * hostile request cannot take the bot down for everyone. Each such log line is a bug to fix.
 */
export function installLastResortGuard(logger: Logger, proc: NodeJS.Process = process): void {
  proc.on('uncaughtException', (error) => {
    logger.fatal({ event: 'process.uncaught-exception', err: { name: error.name, message: error.message, stack: error.stack } });
  });
  proc.on('unhandledRejection', (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error({ event: 'process.unhandled-rejection', err: { name: error.name, message: error.message, stack: error.stack } });
  });
}

/** What the entry points do when the bot cannot start (bad settings, a broken data file): say why in one line, exit 1. */
export function exitOnStartFailure(err: unknown): never {
  console.error(`Mediawijs kon niet starten: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
