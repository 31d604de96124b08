import { RegistryClientError } from './registry-client-error.js';

/** How failed requests are retried: network errors, timeouts, 5xx and 429, never other 4xx. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables retrying). */
  maxRetries: number;
  /** Delay cap of the first retry, doubled on each further one (default 100 ms). */
  baseDelayMs: number;
  /** Upper bound of any computed backoff delay (default 5,000 ms). */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; a longer one fails at once instead of waiting (default 30,000 ms). */
  maxRetryAfterMs: number;
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = {
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

/** Whether an HTTP status is worth retrying. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The backoff before retry number `attempt` (0-based): "full jitter", a uniform draw between 0
 * and `min(maxDelayMs, baseDelayMs * 2^attempt)`, so many clients failing together spread out.
 */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or `undefined`
 * when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolve the client's `retries` option: a count, partial options, or nothing. */
export function resolveRetryOptions(
  retries: number | Partial<RetryOptions> | undefined,
): RetryOptions {
  const options =
    typeof retries === 'number'
      ? { ...DEFAULT_RETRY, maxRetries: retries }
      : { ...DEFAULT_RETRY, ...retries };
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RegistryClientError(
        'INVALID_ARGUMENT',
        `retries.${key} must be a non-negative number, got ${String(value)}`,
        undefined,
        { field: `retries.${key}` },
      );
    }
  }
  options.maxRetries = Math.floor(options.maxRetries);
  return options;
}
