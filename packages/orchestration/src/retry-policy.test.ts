import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from './pipeline-definition.js';
import { retryDelayMs } from './retry-policy.js';

describe('retryDelayMs', () => {
  it.each([
    [
      { initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 1_000 },
      [100, 200, 400, 800, 1_000, 1_000],
    ],
    [
      { initialIntervalMs: 250, backoffCoefficient: 1, maximumIntervalMs: 25_000 },
      [250, 250, 250, 250, 250, 250],
    ],
    [
      { initialIntervalMs: 10, backoffCoefficient: 3, maximumIntervalMs: 100 },
      [10, 30, 90, 100, 100, 100],
    ],
  ])('grows %j as Temporal does', (policy, delays) => {
    const full = { ...DEFAULT_RETRY_POLICY, ...policy };
    expect(delays.map((_, i) => retryDelayMs(full, i + 1))).toEqual(delays);
  });
});
