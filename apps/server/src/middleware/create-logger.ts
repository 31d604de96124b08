import { type Logger, pino } from 'pino';

/** Log levels the server accepts (`LOG_LEVEL`). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A pino logger writing JSON lines to stdout at `level`. */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({ level, base: { service: 'llmsr' } });
}
