import type { SchemaRef } from './schema-resolver.js';

/** How stages are scheduled. */
export const EXECUTION_STRATEGIES = Object.freeze(['sequential', 'parallel', 'streaming'] as const);
/** An execution strategy, see {@link EXECUTION_STRATEGIES}. */
export type ExecutionStrategy = (typeof EXECUTION_STRATEGIES)[number];

/**
 * What a stage failure does to the run. `stop` fails the run; `continue` marks the stage
 * failed, skips its dependants and runs the rest; `retry` retries every stage under the
 * pipeline's policy (or the default one); `fallback` runs the stage's fallback handler. A
 * stage's own `retry` and `fallback` apply in every mode, retries first (as LangGraph runs an
 * error handler only once retries are exhausted).
 */
export const ERROR_HANDLING_MODES = Object.freeze([
  'stop',
  'continue',
  'retry',
  'fallback',
] as const);
/** An error-handling mode, see {@link ERROR_HANDLING_MODES}. */
export type ErrorHandlingMode = (typeof ERROR_HANDLING_MODES)[number];

/**
 * A retry policy, shaped and validated like Temporal's: the delay before retry n is
 * `initialIntervalMs × backoffCoefficient^(n-1)`, capped at `maximumIntervalMs`.
 */
export interface RetryPolicy {
  /** Attempts in all, first included; 1 disables retries, 0 means unlimited (bounded by the run timeout). */
  maxAttempts: number;
  initialIntervalMs: number;
  /** At least 1; 1 keeps the interval constant. */
  backoffCoefficient: number;
  /** At least `initialIntervalMs`; 100 × initial unless given (Temporal's default). */
  maximumIntervalMs: number;
  /** Error types (an error's `code`, else its `name`) never retried; matched exactly. */
  nonRetryableErrorTypes: string[];
}

/** A handler with its configuration, used for fallbacks. */
export interface HandlerCall {
  handler: string;
  config: Record<string, unknown>;
}

/** A stage of a validated pipeline, defaults applied. */
export interface StageDefinition {
  id: string;
  handler: string;
  config: Record<string, unknown>;
  input_schema?: SchemaRef;
  output_schema?: SchemaRef;
  /** Bound on one attempt (Temporal's start-to-close); unbounded (only the run timeout) when absent. */
  timeout_ms?: number;
  retry?: RetryPolicy;
  fallback?: HandlerCall;
}

/** A directed edge: `to` runs after `from` and takes its output. */
export interface Connection {
  from: string;
  to: string;
}

/** A validated pipeline definition, defaults applied. */
export interface PipelineDefinition {
  id: string;
  /** Version of the definition resource; 1 unless given. */
  version: number;
  stages: StageDefinition[];
  connections: Connection[];
  strategy: ExecutionStrategy;
  /** Stages run at once under `parallel` (1 for the other strategies). */
  concurrency: number;
  error_handling: ErrorHandlingMode;
  /** Whole-run bound; 30 s unless given, at least 1 s. */
  timeout_ms: number;
  /** The policy `retry` mode applies to stages without their own. */
  retry?: RetryPolicy;
}

/** Bounds on definitions, so hostile input costs bounded work. */
export const PIPELINE_LIMITS = Object.freeze({
  maxStages: 10_000,
  maxConnections: 100_000,
  maxIdLength: 128,
  maxProblems: 1_000,
  maxCyclesReported: 10,
  maxConcurrency: 1_000,
  defaultTimeoutMs: 30_000,
  minTimeoutMs: 1_000,
  maxTimeoutMs: 86_400_000,
  maxAttempts: 1_000,
  maxNonRetryableTypes: 100,
});

/** The policy `retry` mode uses when neither the stage nor the pipeline gives one. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 100_000,
  nonRetryableErrorTypes: [],
});
