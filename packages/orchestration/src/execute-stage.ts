import type { Clock } from './clock.js';
import type { HandlerContext, StageHandler } from './handler-registry.js';
import { errorTypeOf, OrchestrationError } from './orchestration-error.js';
import type { RetryPolicy, StageDefinition } from './pipeline-definition.js';
import { retryDelayMs } from './retry-policy.js';
import type { ResolvedSchema, SchemaResolver } from './schema-resolver.js';

/** A stage ready to run: its handlers and schemas resolved, its retry policy decided. */
export interface StagePlan {
  stage: StageDefinition;
  handler: StageHandler;
  fallbackHandler?: StageHandler;
  inputSchema?: ResolvedSchema;
  outputSchema?: ResolvedSchema;
  policy: RetryPolicy;
}

/** What one stage execution needs from its run. */
export interface StageRun {
  runId: string;
  signal: AbortSignal;
  clock: Clock;
  resolver: SchemaResolver;
  /** Attempts already made (by a run that crashed); numbering continues after them. */
  previousAttempts?: number;
  onAttempt?: (attempt: number) => Promise<void> | void;
  onRetry?: (attempt: number, delayMs: number, error: unknown) => Promise<void> | void;
}

/** How a stage ended. */
export type StageOutcome =
  | { ok: true; output: unknown; attempt: number; usedFallback: boolean }
  | { ok: false; error: unknown; attempt: number };

/** Failures that retrying with the same input cannot fix, or that mean the run is over. */
const NEVER_RETRIED = new Set(['STAGE_INPUT_INVALID', 'CANCELLED', 'RUN_TIMEOUT', 'INVALID_INPUT']);

/**
 * A handler marks a deterministic failure (a bad expression, a 400) with `retryable: false`,
 * as Temporal's non-retryable application failures do.
 */
function isRetryable(error: unknown, type: string): boolean {
  if (NEVER_RETRIED.has(type)) return false;
  return !(
    error &&
    typeof error === 'object' &&
    (error as { retryable?: unknown }).retryable === false
  );
}

/**
 * Runs one stage on one input: input check, then attempts under the retry policy (each bounded
 * by the stage timeout, each output checked), then the fallback handler once retries are spent.
 */
export async function executeStage(
  plan: StagePlan,
  input: unknown,
  run: StageRun,
): Promise<StageOutcome> {
  let attempt = run.previousAttempts ?? 0;
  const { stage, policy } = plan;
  let lastError: unknown;
  for (;;) {
    attempt++;
    if (run.onAttempt) await run.onAttempt(attempt);
    try {
      if (plan.inputSchema) checkData(plan.inputSchema, input, stage.id, 'input');
      const output = await callHandler(plan.handler, input, stage.config, plan, run, attempt);
      return { ok: true, output, attempt, usedFallback: false };
    } catch (error) {
      lastError = error;
    }
    if (run.signal.aborted) return { ok: false, error: run.signal.reason, attempt };
    const type = errorTypeOf(lastError);
    const attemptsLeft = policy.maxAttempts === 0 || attempt < policy.maxAttempts;
    if (
      !attemptsLeft ||
      !isRetryable(lastError, type) ||
      policy.nonRetryableErrorTypes.includes(type)
    )
      break;
    const delayMs = retryDelayMs(policy, attempt - (run.previousAttempts ?? 0));
    if (run.onRetry) await run.onRetry(attempt, delayMs, lastError);
    try {
      await run.clock.sleep(delayMs, run.signal);
    } catch {
      return { ok: false, error: run.signal.reason, attempt };
    }
  }
  if (plan.fallbackHandler && errorTypeOf(lastError) !== 'STAGE_INPUT_INVALID') {
    try {
      const config = stage.fallback?.config ?? {};
      const output = await callHandler(plan.fallbackHandler, input, config, plan, run, attempt);
      return { ok: true, output, attempt, usedFallback: true };
    } catch (error) {
      if (run.signal.aborted) return { ok: false, error: run.signal.reason, attempt };
      return { ok: false, error, attempt };
    }
  }
  return { ok: false, error: lastError, attempt };
}

async function callHandler(
  handler: StageHandler,
  input: unknown,
  config: Record<string, unknown>,
  plan: StagePlan,
  run: StageRun,
  attempt: number,
): Promise<unknown> {
  let signal = run.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeoutMs = plan.stage.timeout_ms;
  if (timeoutMs !== undefined) {
    const controller = new AbortController();
    timer = setTimeout(() => {
      controller.abort(
        new OrchestrationError(
          'STAGE_TIMEOUT',
          `stage ${plan.stage.id} timed out after ${timeoutMs} ms (attempt ${attempt})`,
          {
            stageId: plan.stage.id,
            timeoutMs,
            attempt,
          },
        ),
      );
    }, timeoutMs);
    signal = AbortSignal.any([run.signal, controller.signal]);
  }
  try {
    const context: HandlerContext = {
      signal,
      config,
      runId: run.runId,
      stageId: plan.stage.id,
      attempt,
      resolver: run.resolver,
    };
    if (plan.outputSchema) context.outputSchema = plan.outputSchema;
    const result = handler(input, context);
    // A handler that ignores its signal is abandoned, not awaited: the run moves on at once.
    const output = isThenable(result) ? await raceAbort(result, signal) : result;
    if (plan.outputSchema) checkData(plan.outputSchema, output, plan.stage.id, 'output');
    return output;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Throws `STAGE_INPUT_INVALID` / `STAGE_OUTPUT_INVALID` naming the stage, side and data path. */
export function checkData(
  schema: ResolvedSchema,
  data: unknown,
  stageId: string,
  side: 'input' | 'output',
): void {
  const result = schema.validate(data);
  if (result.valid) return;
  const first = result.problems[0];
  const path = first?.path ?? '/';
  throw new OrchestrationError(
    side === 'input' ? 'STAGE_INPUT_INVALID' : 'STAGE_OUTPUT_INVALID',
    `stage ${stageId} ${side} does not match ${schema.ref.subject}@${schema.ref.version} at ${path}: ${first?.message ?? 'is invalid'}`,
    { stageId, side, path, schema: schema.ref, problems: result.problems },
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function raceAbort<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
