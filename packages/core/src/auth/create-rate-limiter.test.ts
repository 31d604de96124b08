import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

const reader = { id: 'key:r', kind: 'api-key', role: 'reader' } as const;
const otherReader = { id: 'key:r2', kind: 'api-key', role: 'reader' } as const;
const admin = { id: 'admin:bootstrap', kind: 'bootstrap-admin', role: 'admin' } as const;

describe('the rate limiter', () => {
  it('allows a principal its budget per minute, then answers limited with a retry delay', async () => {
    const limiter = createRateLimiter({ reader: 3 });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await limiter.consume(reader, '192.0.2.1'));
    expect(answers.slice(0, 3).map((a) => a?.limited)).toEqual([false, false, false]);
    expect(answers[2]).toEqual({ limited: false, limit: 3, remaining: 0 });
    const last = answers[3];
    expect(last?.limited).toBe(true);
    if (last?.limited) {
      expect(last.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(last.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it('counts each principal apart, whatever address it comes from', async () => {
    const limiter = createRateLimiter({ reader: 1 });
    expect((await limiter.consume(reader, 'a'))?.limited).toBe(false);
    expect((await limiter.consume(reader, 'b'))?.limited).toBe(true);
    expect((await limiter.consume(otherReader, 'a'))?.limited).toBe(false);
  });

  it('counts anonymous callers per address, and leaves unlisted roles unlimited', async () => {
    const limiter = createRateLimiter({ anonymous: 1, reader: 1 });
    expect((await limiter.consume(undefined, '192.0.2.1'))?.limited).toBe(false);
    expect((await limiter.consume(undefined, '192.0.2.1'))?.limited).toBe(true);
    expect((await limiter.consume(undefined, '192.0.2.2'))?.limited).toBe(false);
    expect(await limiter.consume(admin, '192.0.2.1')).toBeUndefined();
    expect([limiter.limits(undefined), limiter.limits(otherReader), limiter.limits(admin)]).toEqual(
      [true, true, false],
    );
    expect(limiter.enabled).toBe(true);
    expect(createRateLimiter({ reader: 0 }).enabled).toBe(false);
  });
});
