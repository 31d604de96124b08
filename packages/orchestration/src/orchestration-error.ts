import type { ErrorCode } from '@llmsr/spec';

/**
 * Codes only orchestration raises. Registry-wide situations reuse `@llmsr/spec` codes
 * (`CONFLICT`, `INVALID_INPUT`, `SCHEMA_NOT_FOUND`, `RESOURCE_NOT_FOUND`) so an app maps them
 * with its existing tables; these name failures that only exist inside a run.
 */
export const ORCHESTRATION_ERROR_CODES = Object.freeze([
  'ILLEGAL_TRANSITION',
  'INVALID_PIPELINE',
  'UNKNOWN_HANDLER',
  'STAGE_INPUT_INVALID',
  'STAGE_OUTPUT_INVALID',
  'STAGE_TIMEOUT',
  'RUN_TIMEOUT',
  'CANCELLED',
  'HANDLER_FAILED',
  'RUN_NOT_RESUMABLE',
] as const);

/** An orchestration-only error code, see {@link ORCHESTRATION_ERROR_CODES}. */
export type OrchestrationOnlyCode = (typeof ORCHESTRATION_ERROR_CODES)[number];

/** Every code an {@link OrchestrationError} carries. */
export type OrchestrationErrorCode =
  | Extract<ErrorCode, 'CONFLICT' | 'INVALID_INPUT' | 'SCHEMA_NOT_FOUND' | 'RESOURCE_NOT_FOUND'>
  | OrchestrationOnlyCode;

/**
 * An error with a stable `code` and structured `details` (stage id, side, data path, allowed
 * transitions...), so callers branch on data, not on message text.
 *
 * @example
 * ```ts
 * try { transitionProcess(p, { to: 'running', expectedVersion: 1 }); }
 * catch (e) { if (e instanceof OrchestrationError && e.code === 'CONFLICT') reload(); }
 * ```
 */
export class OrchestrationError extends Error {
  override readonly name = 'OrchestrationError';
  readonly code: OrchestrationErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: OrchestrationErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

/**
 * The "type" of a thrown value for retry decisions: an error's `code` when it has a string one
 * (ours, Node's `ECONNREFUSED`), else its `name`. Matched exactly, as Temporal matches
 * `nonRetryableErrorTypes` (no substring match).
 */
export function errorTypeOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'Error';
}

/** A JSON-safe summary of a thrown value, for run records and events. */
export interface ErrorInfo {
  type: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Summarises any thrown value as an {@link ErrorInfo}. */
export function toErrorInfo(error: unknown): ErrorInfo {
  const message = error instanceof Error ? error.message : String(error);
  const info: ErrorInfo = { type: errorTypeOf(error), message };
  // Our errors and handlers' errors (HandlerError) carry JSON-safe details worth keeping.
  const details =
    error && typeof error === 'object' ? (error as { details?: unknown }).details : undefined;
  if (
    details &&
    typeof details === 'object' &&
    !Array.isArray(details) &&
    Object.keys(details).length > 0
  ) {
    info.details = { ...(details as Record<string, unknown>) };
  }
  return info;
}
