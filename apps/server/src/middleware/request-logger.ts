import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { REQUEST_ABORTED } from '../read-json-body.js';
import { routeLabel } from './route-label.js';

/**
 * One structured JSON line per request (request id, method, path, route, status, duration);
 * server errors at `error`, client errors at `warn` (an upload the client aborted as
 * `request aborted`), the rest at `info`.
 */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = process.hrtime.bigint();
    await next();
    if (logger.level === 'silent') return;
    const status = c.res.status;
    const line = {
      request_id: c.get('requestId' as never) as string | undefined,
      method: c.req.method,
      path: c.req.path.slice(0, 500),
      route: routeLabel(c),
      status,
      duration_ms: Number(process.hrtime.bigint() - started) / 1e6,
    };
    if (c.get(REQUEST_ABORTED as never)) logger.warn(line, 'request aborted');
    else if (status >= 500) logger.error(line, 'request failed');
    else if (status >= 400) logger.warn(line, 'request refused');
    else logger.info(line, 'request');
  };
}
