import { type DestinationStream, type Logger, pino } from 'pino';

/** Log levels the server accepts (`LOG_LEVEL`). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * A pino logger writing JSON lines to stdout at `level`, with the level as a word (`"info"`), like
 * the server's other log lines.
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'llmsr' },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}
