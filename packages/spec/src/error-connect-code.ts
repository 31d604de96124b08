import type { ErrorCode } from './error-code.js';

/**
 * The Connect (and gRPC) status codes by their Connect protocol names, `ok` excluded. The spec
 * holds names rather than `@connectrpc/connect`'s `Code` enum so it keeps no dependency; the
 * Connect app converts each name with its own exhaustive table.
 */
export const CONNECT_CODE_NAMES = Object.freeze([
  'canceled',
  'unknown',
  'invalid_argument',
  'deadline_exceeded',
  'not_found',
  'already_exists',
  'permission_denied',
  'resource_exhausted',
  'failed_precondition',
  'aborted',
  'out_of_range',
  'unimplemented',
  'internal',
  'unavailable',
  'data_loss',
  'unauthenticated',
] as const);

/** A Connect status code name, as the Connect protocol spells it on the wire. */
export type ConnectCodeName = (typeof CONNECT_CODE_NAMES)[number];

/**
 * The Connect status of every registry error code (the REST twin is {@link ERROR_REST_STATUS}).
 * Exhaustive: a new code fails to compile until it is mapped here.
 */
export const ERROR_CONNECT_CODES: Readonly<Record<ErrorCode, ConnectCodeName>> = Object.freeze({
  SUBJECT_NOT_FOUND: 'not_found',
  VERSION_NOT_FOUND: 'not_found',
  SCHEMA_NOT_FOUND: 'not_found',
  RESOURCE_NOT_FOUND: 'not_found',
  ROUTE_NOT_FOUND: 'unimplemented',
  UNAUTHENTICATED: 'unauthenticated',
  // The caller is known; its role or subject prefixes do not cover the action.
  FORBIDDEN: 'permission_denied',
  INVALID_INPUT: 'invalid_argument',
  INVALID_SCHEMA: 'invalid_argument',
  // The request is well-formed; the subject's history refuses it.
  INCOMPATIBLE_SCHEMA: 'failed_precondition',
  INVALID_VERSION: 'invalid_argument',
  INVALID_COMPATIBILITY_LEVEL: 'invalid_argument',
  INVALID_MODE: 'invalid_argument',
  SIGNATURE_SYNTAX: 'invalid_argument',
  SIGNATURE_UNKNOWN_TYPE: 'invalid_argument',
  INVALID_SIGNATURE: 'invalid_argument',
  // READONLY / IMPORT modes: the registry's state, not the caller's identity, forbids it.
  OPERATION_NOT_PERMITTED: 'failed_precondition',
  NOT_SOFT_DELETED: 'failed_precondition',
  REFERENCED: 'failed_precondition',
  PAYLOAD_TOO_LARGE: 'resource_exhausted',
  RATE_LIMITED: 'resource_exhausted',
  TOO_MANY_STREAMS: 'resource_exhausted',
  // Lost an optimistic-concurrency race: retrying may succeed.
  CONFLICT: 'aborted',
  STORAGE_UNAVAILABLE: 'unavailable',
  INTERNAL: 'internal',
  // LLM provider and output codes
  UNKNOWN_PROVIDER: 'invalid_argument',
  // The schema is well-formed; the provider lint asked for at registration refuses it.
  PROVIDER_LINT_FAILED: 'failed_precondition',
});
