import type { Logger } from 'pino';

/** Cross-cutting options of the app: logging, CORS, rate limiting, metrics. */
export interface MiddlewareOptions {
  /** Structured request logs; silent when absent (tests). */
  logger?: Logger | undefined;
  /** Origins allowed by CORS (`*` for any); CORS headers are off when absent or empty. */
  corsOrigins?: readonly string[] | undefined;
  /** Requests per client per minute; no limit when absent or 0. */
  rateLimitPerMinute?: number | undefined;
  /** Node process metrics (event loop, memory) on `/metrics`; off by default, on in `startServer`. */
  processMetrics?: boolean | undefined;
}
