import type { ErrorCode } from './error-code.js';

/**
 * How one registry code becomes a Confluent `error_code`: a fixed number, or a function of the
 * error's `details` where Confluent tells apart what the registry reports with one code.
 */
export type ConfluentErrorCodeRule =
  | number
  | ((details: Readonly<Record<string, unknown>>) => number);

const SCHEMA_FIELDS: ReadonlySet<string> = new Set(['schema', 'schema_type', 'schemaType']);
/** Config settings the registry checks (closed value sets): an invalid value is Confluent's 42203. */
const CONFIG_SETTINGS: ReadonlySet<string> = new Set([
  'compatibilityPolicy',
  'jsonSchemaDefaultDraft',
  'normalize',
]);

/**
 * The Confluent `error_code` of every registry error code (its first three digits, or the code
 * itself below 1000, are the HTTP status). Exhaustive: a new code fails to compile until it is
 * mapped here.
 */
export const ERROR_CONFLUENT_CODES: Readonly<Record<ErrorCode, ConfluentErrorCodeRule>> =
  Object.freeze({
    SUBJECT_NOT_FOUND: (details) => (details.softDeleted === true ? 40404 : 40401),
    VERSION_NOT_FOUND: 40402,
    SCHEMA_NOT_FOUND: 40403,
    RESOURCE_NOT_FOUND: 404,
    ROUTE_NOT_FOUND: 404,
    // Confluent's own codes for missing/invalid credentials and for a refused role.
    UNAUTHENTICATED: 40101,
    FORBIDDEN: 40301,
    INVALID_INPUT: (details) => {
      const field = typeof details.field === 'string' ? details.field : '';
      if (field === 'subject') return 42208;
      if (CONFIG_SETTINGS.has(field)) return 42203;
      if (SCHEMA_FIELDS.has(field) || field.startsWith('references')) return 42201;
      return 400;
    },
    INVALID_SCHEMA: 42201,
    INCOMPATIBLE_SCHEMA: 409,
    INVALID_VERSION: 42202,
    INVALID_COMPATIBILITY_LEVEL: 42203,
    INVALID_MODE: 42204,
    // Confluent has no signatures: the HTTP status itself, as for other native-only codes.
    SIGNATURE_SYNTAX: 400,
    SIGNATURE_UNKNOWN_TYPE: 422,
    INVALID_SIGNATURE: 422,
    OPERATION_NOT_PERMITTED: 42205,
    NOT_SOFT_DELETED: (details) => (details.version === undefined ? 40405 : 40407),
    REFERENCED: 42206,
    PAYLOAD_TOO_LARGE: 413,
    RATE_LIMITED: 42901,
    TOO_MANY_STREAMS: 50003,
    CONFLICT: 42205,
    STORAGE_UNAVAILABLE: 50001,
    INTERNAL: 50001,
    // LLM provider and output codes
    UNKNOWN_PROVIDER: 400,
    PROVIDER_LINT_FAILED: 42201,
  });

/**
 * The Confluent `error_code` of a registry error, from its code and details.
 *
 * @example
 * ```ts
 * confluentErrorCodeOf('SUBJECT_NOT_FOUND', { softDeleted: true }); // 40404
 * ```
 */
export function confluentErrorCodeOf(
  code: ErrorCode,
  details: Readonly<Record<string, unknown>> = {},
): number {
  const rule = ERROR_CONFLUENT_CODES[code];
  return typeof rule === 'function' ? rule(details) : rule;
}

/**
 * The HTTP status a Confluent `error_code` is answered with: the code itself below 1000,
 * else its first three digits (40401 -> 404).
 */
export function confluentHttpStatus(errorCode: number): number {
  return errorCode < 1000 ? errorCode : Math.floor(errorCode / 100);
}
