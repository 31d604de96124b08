/**
 * The closed set of registry error codes. Each app maps every code through one exhaustive table
 * (`Record<ErrorCode, ...>`, see {@link ERROR_REST_STATUS}, {@link ERROR_CONNECT_CODES} and
 * {@link ERROR_CONFLUENT_CODES}), so adding a code fails to compile until every table maps it.
 */
export const ERROR_CODES = Object.freeze([
  'SUBJECT_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'SCHEMA_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'INVALID_SCHEMA',
  'INCOMPATIBLE_SCHEMA',
  'INVALID_VERSION',
  'INVALID_COMPATIBILITY_LEVEL',
  'INVALID_MODE',
  'SIGNATURE_SYNTAX',
  'SIGNATURE_UNKNOWN_TYPE',
  'INVALID_SIGNATURE',
  'OPERATION_NOT_PERMITTED',
  'NOT_SOFT_DELETED',
  'REFERENCED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'TOO_MANY_STREAMS',
  'CONFLICT',
  'STORAGE_UNAVAILABLE',
  'INTERNAL',
  // LLM provider and output codes
  'UNKNOWN_PROVIDER',
  'PROVIDER_LINT_FAILED',
] as const);

/** A registry error code: the stable `error_code` of the native API and of Connect errors. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * True when `value` is one of the {@link ERROR_CODES}, e.g. a code read from a response.
 *
 * @example
 * ```ts
 * isErrorCode('SUBJECT_NOT_FOUND'); // true
 * isErrorCode('NETWORK_ERROR'); // false (a client-side code)
 * ```
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
