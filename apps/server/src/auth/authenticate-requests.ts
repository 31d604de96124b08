import type { AccessControl, RateDecision } from '@llmsr/core';
import { RegistryError } from '@llmsr/core';
import type { Context, MiddlewareHandler } from 'hono';
import { confluentErrorResponse } from '../confluent/confluent-error-response.js';
import { isConfluentPath } from '../confluent/is-confluent-path.js';
import { errorResponse } from '../error-response.js';
import { setRequestAuth } from './request-auth.js';

/** Options of {@link authenticateRequests}. */
export interface AuthenticateRequestsOptions {
  /** The client's address (socket, or a trusted proxy's `X-Forwarded-For`). */
  clientAddress: (c: Context) => string;
  /** Paths never rate limited (probes and scrapes). */
  unlimited?: ReadonlySet<string>;
}

/**
 * Reads the request's credentials once (`Authorization: Bearer|Basic`, `X-API-Key`) into a
 * principal for the routes, which decide with `registry.access.check` (see `addRoute`); invalid
 * credentials are kept as the error those routes answer, so probes still answer. Then counts the
 * request against its principal's (or, anonymous, its address's) rate limit: past it, 429 with
 * `Retry-After`.
 */
export function authenticateRequests(
  access: AccessControl,
  options: AuthenticateRequestsOptions,
): MiddlewareHandler {
  const unlimited = options.unlimited ?? new Set<string>();
  return async (c, next) => {
    const clientAddress = options.clientAddress(c);
    let principal: Awaited<ReturnType<AccessControl['authenticate']>>;
    let error: unknown;
    try {
      principal = await access.authenticate({
        authorization: c.req.header('authorization'),
        apiKey: c.req.header('x-api-key'),
      });
    } catch (thrown) {
      error = thrown;
    }
    setRequestAuth(c, { access, principal, error, clientAddress });
    let decision: RateDecision | undefined;
    if (access.rateLimiter.limits(principal) && !unlimited.has(c.req.path)) {
      decision = await access.rateLimiter.consume(principal, clientAddress);
      if (decision?.limited) return tooManyRequests(c, decision);
    }
    await next();
    if (decision && !decision.limited) {
      c.res.headers.set('RateLimit-Limit', String(decision.limit));
      c.res.headers.set('RateLimit-Remaining', String(decision.remaining));
    }
  };
}

function tooManyRequests(c: Context, decision: RateDecision & { limited: true }): Response {
  const answer = isConfluentPath(c.req.path) ? confluentErrorResponse : errorResponse;
  const response = answer(
    c,
    new RegistryError(
      'RATE_LIMITED',
      `Too many requests: at most ${decision.limit} per minute; retry in ${decision.retryAfterSeconds} s`,
      { limit: decision.limit, retry_after_seconds: decision.retryAfterSeconds },
    ),
  );
  response.headers.set('Retry-After', String(decision.retryAfterSeconds));
  response.headers.set('RateLimit-Limit', String(decision.limit));
  response.headers.set('RateLimit-Remaining', '0');
  return response;
}
