import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout. Callers log ids and events only, never message text (AVG). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'mediawijs' }, redact: ['text', 'question', 'comment', 'draft'] });
}

/** A logger that drops everything; for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
