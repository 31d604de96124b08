import { PIPELINE_LIMITS, type RetryPolicy } from './pipeline-definition.js';
import type { PipelineProblem } from './pipeline-problem.js';

const KEYS = new Set([
  'maxAttempts',
  'initialIntervalMs',
  'backoffCoefficient',
  'maximumIntervalMs',
  'nonRetryableErrorTypes',
]);

/**
 * Validates a retry policy the way Temporal's `compileRetryPolicy` does (no zero intervals,
 * coefficient at least 1, maximum not below initial, integer attempts) and applies its defaults
 * (initial 1 s, coefficient 2, maximum 100 × initial). Problems are pushed to `problems`; the
 * policy is returned only when it is valid.
 */
export function readRetryPolicy(
  value: unknown,
  path: string,
  problems: PipelineProblem[],
  stageId?: string,
): RetryPolicy | undefined {
  const before = problems.length;
  const add = (field: string, message: string) =>
    problems.push({
      rule: 'invalid_retry',
      path: `${path}/${field}`,
      message,
      ...(stageId ? { stageId } : {}),
    });
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      rule: 'type',
      path,
      message: 'retry policy must be an object',
      ...(stageId ? { stageId } : {}),
    });
    return undefined;
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!KEYS.has(key)) add(key, `unknown retry field; allowed: ${[...KEYS].join(', ')}`);
  const maxAttempts = v.maxAttempts ?? 3;
  if (
    !Number.isInteger(maxAttempts) ||
    (maxAttempts as number) < 0 ||
    (maxAttempts as number) > PIPELINE_LIMITS.maxAttempts
  ) {
    add(
      'maxAttempts',
      `maxAttempts must be an integer from 0 (unlimited) to ${PIPELINE_LIMITS.maxAttempts}`,
    );
  }
  const initial = v.initialIntervalMs ?? 1_000;
  const initialOk = isPositiveMs(initial);
  if (!initialOk)
    add(
      'initialIntervalMs',
      `initialIntervalMs must be an integer from 1 to ${PIPELINE_LIMITS.maxTimeoutMs} (it cannot be 0)`,
    );
  const coefficient = v.backoffCoefficient ?? 2;
  if (
    typeof coefficient !== 'number' ||
    !Number.isFinite(coefficient) ||
    coefficient < 1 ||
    coefficient > 100
  ) {
    add('backoffCoefficient', 'backoffCoefficient must be a number from 1 to 100');
  }
  const maximum =
    v.maximumIntervalMs ??
    (initialOk ? Math.min((initial as number) * 100, PIPELINE_LIMITS.maxTimeoutMs) : 0);
  if (v.maximumIntervalMs !== undefined && !isPositiveMs(maximum)) {
    add(
      'maximumIntervalMs',
      `maximumIntervalMs must be an integer from 1 to ${PIPELINE_LIMITS.maxTimeoutMs} (it cannot be 0)`,
    );
  } else if (initialOk && (maximum as number) < (initial as number)) {
    add('maximumIntervalMs', 'maximumIntervalMs cannot be less than initialIntervalMs');
  }
  const types = v.nonRetryableErrorTypes ?? [];
  if (
    !Array.isArray(types) ||
    types.length > PIPELINE_LIMITS.maxNonRetryableTypes ||
    !types.every(
      (t) => typeof t === 'string' && t.length > 0 && t.length <= PIPELINE_LIMITS.maxIdLength,
    )
  ) {
    add(
      'nonRetryableErrorTypes',
      `nonRetryableErrorTypes must be at most ${PIPELINE_LIMITS.maxNonRetryableTypes} non-empty strings`,
    );
  }
  if (problems.length > before) return undefined;
  return {
    maxAttempts: maxAttempts as number,
    initialIntervalMs: initial as number,
    backoffCoefficient: coefficient as number,
    maximumIntervalMs: maximum as number,
    nonRetryableErrorTypes: [...(types as string[])],
  };
}

function isPositiveMs(value: unknown): boolean {
  return (
    Number.isInteger(value) &&
    (value as number) >= 1 &&
    (value as number) <= PIPELINE_LIMITS.maxTimeoutMs
  );
}

/**
 * The delay before retry number `retry` (1 for the first retry), as Temporal computes it.
 *
 * @example
 * ```ts
 * retryDelayMs({ ...DEFAULT_RETRY_POLICY, initialIntervalMs: 100 }, 3); // 400
 * ```
 */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  const raw = policy.initialIntervalMs * policy.backoffCoefficient ** (retry - 1);
  return Math.min(raw, policy.maximumIntervalMs);
}
