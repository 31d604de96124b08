/**
 * The closed set of registry error codes. Every app maps each code in one exhaustive table
 * (`Record<ErrorCode, ...>`), so adding a code fails to compile until every app handles it.
 */
export const ERROR_CODES = [
  'SUBJECT_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'SCHEMA_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_SCHEMA',
  'INCOMPATIBLE_SCHEMA',
  'INVALID_VERSION',
  'INVALID_COMPATIBILITY_LEVEL',
  'INVALID_MODE',
  'OPERATION_NOT_PERMITTED',
  'NOT_SOFT_DELETED',
  'REFERENCED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'TOO_MANY_STREAMS',
  'CONFLICT',
  'STORAGE_UNAVAILABLE',
  'INTERNAL',
] as const;

/** A registry error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const MARKER = Symbol.for('llmsr.RegistryError');

/**
 * The one error type of the registry: a stable `code`, a human message and structured
 * `details` (paths, violations, the subject and version concerned).
 *
 * @example
 * ```ts
 * throw new RegistryError('SUBJECT_NOT_FOUND', `Subject 'orders' not found`, { subject: 'orders' });
 * ```
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly [MARKER] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * True for a {@link RegistryError}, also one created by another copy of this package
 * (checked through a global symbol, not `instanceof`).
 */
export function isRegistryError(value: unknown): value is RegistryError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[MARKER] === true
  );
}
