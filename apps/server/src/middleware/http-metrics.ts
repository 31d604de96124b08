import type { MiddlewareHandler } from 'hono';
import type { ServerMetrics } from '../metrics/create-metrics.js';
import { routeLabel } from './route-label.js';

/** Observe every request's duration by method, route pattern and status. */
export function httpMetrics(metrics: ServerMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = process.hrtime.bigint();
    await next();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpDuration.observe(
      { method: c.req.method, route: routeLabel(c), status: String(c.res.status) },
      seconds,
    );
  };
}
