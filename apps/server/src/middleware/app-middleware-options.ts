import type { Context } from 'hono';
import type { Logger } from 'pino';

/** Cross-cutting options of the app: logging, CORS, rate limiting, metrics. */
export interface MiddlewareOptions {
  /** Structured request logs; silent when absent (tests). */
  logger?: Logger | undefined;
  /** Origins allowed by CORS (`*` for any); CORS headers are off when absent or empty. */
  corsOrigins?: readonly string[] | undefined;
  /**
   * The client's address for rate limits and the audit log; the socket's by default (the
   * composition root passes one that believes `TRUST_PROXY`'s proxies).
   */
  clientAddress?: ((c: Context) => string) | undefined;
  /** Whether `/metrics` answers without credentials when auth is on (`METRICS_PUBLIC`, default true). */
  metricsPublic?: boolean | undefined;
  /** Node process metrics (event loop, memory) on `/metrics`; off by default, on in `startServer`. */
  processMetrics?: boolean | undefined;
}
