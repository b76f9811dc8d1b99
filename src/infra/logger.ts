import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

const OPTIONS: LoggerOptions = { base: { app: 'mediawijs' }, redact: ['text', 'question', 'comment', 'draft'] };

/** JSON logs on stdout. Callers log ids and events only, never message text (AVG). */
export function createLogger(level: string): Logger {
  return pino({ ...OPTIONS, level });
}

/**
 * The same logger for a person at a terminal (local mode of `npm start`): one readable, coloured
 * line per event. The pretty printer runs in this thread (no transport worker), so the last lines
 * are not lost at Ctrl+C; it is loaded only here, so a deployed server never needs it.
 */
export async function createPrettyLogger(level: string): Promise<Logger> {
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,app,event', singleLine: true, messageFormat: '{event}' });
  return pino({ ...OPTIONS, level }, stream);
}

/** A logger that drops everything; for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
