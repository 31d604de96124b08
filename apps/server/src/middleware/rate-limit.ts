import { getConnInfo } from '@hono/node-server/conninfo';
import { RegistryError } from '@llmsr/core';
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../error-response.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests a client may make per window. */
  limit: number;
  /** Window length in milliseconds; one minute by default. */
  windowMs?: number;
  /** The client a request counts against; the socket's address by default. */
  clientKey?: (c: Context) => string;
  /** Clock, for tests. */
  now?: () => number;
  /** Most clients tracked at once; the table is cleared past it (a flood cannot exhaust memory). */
  maxClients?: number;
}

/**
 * A fixed-window limit per client: past `limit` requests in a window, answer 429 with
 * `Retry-After` (seconds until the window ends) and `{ error_code: 'RATE_LIMITED' }`.
 * Every answer carries `RateLimit-Limit` and `RateLimit-Remaining`.
 *
 * Kept over `hono-rate-limiter` (0.5): its MemoryStore caps memory by time only (a flood of
 * distinct clients within one window grows it without bound, where `maxClients` bounds this
 * table), reads the wall clock and runs its own reset timer (no injectable clock), adds
 * `RateLimit-Reset`/`RateLimit-Policy` headers, and wants `unstorage` as a peer. Matching this
 * behaviour would mean a custom store holding the same code as here.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 100_000;
  const keyOf = options.clientKey ?? defaultClientKey;
  const windows = new Map<string, { start: number; count: number }>();

  return async (c, next) => {
    const time = now();
    const key = keyOf(c);
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      if (!window && windows.size >= maxClients) windows.clear();
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    const remaining = Math.max(0, options.limit - window.count);
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
      const response = errorResponse(
        c,
        new RegistryError(
          'RATE_LIMITED',
          `Too many requests: at most ${options.limit} per ${windowMs / 1000} s`,
          { limit: options.limit, retry_after_seconds: retryAfter },
        ),
      );
      response.headers.set('Retry-After', String(retryAfter));
      response.headers.set('RateLimit-Limit', String(options.limit));
      response.headers.set('RateLimit-Remaining', '0');
      return response;
    }
    await next();
    c.res.headers.set('RateLimit-Limit', String(options.limit));
    c.res.headers.set('RateLimit-Remaining', String(remaining));
  };
}

/** The socket's remote address; requests built in-process (tests) have none and share one key. */
function defaultClientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
