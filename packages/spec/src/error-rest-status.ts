import type { ErrorCode } from './error-code.js';

/** The HTTP statuses the native REST API answers errors with. */
export type ErrorHttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/**
 * The HTTP status of every registry error code in the native REST API (and the status the SDK
 * reports for the same code over Connect, so an error reads the same over either transport).
 * Exhaustive: a new code fails to compile until it is mapped here.
 */
export const ERROR_REST_STATUS: Readonly<Record<ErrorCode, ErrorHttpStatus>> = Object.freeze({
  SUBJECT_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  SCHEMA_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  INVALID_SCHEMA: 422,
  INCOMPATIBLE_SCHEMA: 409,
  INVALID_VERSION: 422,
  INVALID_COMPATIBILITY_LEVEL: 422,
  INVALID_MODE: 422,
  // The signature text cannot be read at all (details: line, column, expected).
  SIGNATURE_SYNTAX: 400,
  // Readable, but names a type that does not exist or breaks a rule of the signature language.
  SIGNATURE_UNKNOWN_TYPE: 422,
  INVALID_SIGNATURE: 422,
  OPERATION_NOT_PERMITTED: 422,
  NOT_SOFT_DELETED: 409,
  REFERENCED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  TOO_MANY_STREAMS: 503,
  CONFLICT: 409,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
  // LLM provider and output codes
  UNKNOWN_PROVIDER: 400,
  PROVIDER_LINT_FAILED: 422,
});
