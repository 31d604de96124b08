import type { AuthRole, Principal } from '@llmsr/spec';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Requests per minute for each kind of caller; 0 or absent: unlimited. */
export interface RateLimits {
  /** Requests without credentials (and refused credentials), counted per client address. */
  anonymous?: number | undefined;
  reader?: number | undefined;
  writer?: number | undefined;
  admin?: number | undefined;
}

/** The answer of {@link RateLimiter.consume}. */
export type RateDecision =
  | { limited: false; limit: number; remaining: number }
  | { limited: true; limit: number; retryAfterSeconds: number };

/** Counts requests per principal (or per client address when anonymous) on every port. */
export interface RateLimiter {
  /** Whether any kind of caller is limited. */
  readonly enabled: boolean;
  /** Whether this caller's kind (its role, or anonymous) has a limit: `consume` is needed. */
  limits(principal: Principal | undefined): boolean;
  /**
   * Counts one request; `undefined` when this kind of caller is unlimited. Both ports share one
   * limiter, so a principal's REST and Connect calls count together.
   */
  consume(
    principal: Principal | undefined,
    clientAddress: string,
  ): Promise<RateDecision | undefined>;
}

/** The kinds of caller {@link RateLimits} names. */
type CallerKind = 'anonymous' | AuthRole;

/**
 * Create a {@link RateLimiter} over `rate-limiter-flexible`'s in-memory fixed windows of one
 * minute, one limiter per role so each can have its own budget. Counts are per node: behind a
 * load balancer with N replicas a principal gets up to N times its limit.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ anonymous: 60, reader: 6_000, writer: 600 });
 * const decision = await limiter.consume(principal, '10.0.0.7');
 * if (decision?.limited) answer429(decision.retryAfterSeconds);
 * ```
 */
export function createRateLimiter(limits: RateLimits): RateLimiter {
  const limiters = new Map<CallerKind, { limit: number; limiter: RateLimiterMemory }>();
  for (const kind of ['anonymous', 'reader', 'writer', 'admin'] as const) {
    const limit = limits[kind];
    if (limit !== undefined && limit > 0) {
      limiters.set(kind, {
        limit,
        limiter: new RateLimiterMemory({ keyPrefix: kind, points: limit, duration: 60 }),
      });
    }
  }
  return {
    enabled: limiters.size > 0,
    limits: (principal) => limiters.has(principal ? principal.role : 'anonymous'),
    async consume(principal, clientAddress) {
      const entry = limiters.get(principal ? principal.role : 'anonymous');
      if (!entry) return undefined;
      const key = principal ? principal.id : clientAddress;
      try {
        const res = await entry.limiter.consume(key);
        return { limited: false, limit: entry.limit, remaining: res.remainingPoints };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return {
          limited: true,
          limit: entry.limit,
          retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        };
      }
    },
  };
}
