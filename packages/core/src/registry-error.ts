import type { ErrorCode } from '@llmsr/spec';

/**
 * The closed set of registry error codes, defined once in `@llmsr/spec` with its REST, Connect
 * and Confluent tables (`Record<ErrorCode, ...>`, so adding a code fails to compile until every
 * table maps it).
 */
export { ERROR_CODES, type ErrorCode } from '@llmsr/spec';

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
