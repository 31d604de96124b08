import { Code } from '@connectrpc/connect';
import type { ErrorCode } from '@llmsr/core';

/**
 * Connect/gRPC status of every registry error code: one exhaustive table, so a new code fails to
 * compile until it is mapped here (the REST twin is `apps/server/src/error-status.ts`).
 */
export const CONNECT_CODES: Record<ErrorCode, Code> = {
  SUBJECT_NOT_FOUND: Code.NotFound,
  VERSION_NOT_FOUND: Code.NotFound,
  SCHEMA_NOT_FOUND: Code.NotFound,
  RESOURCE_NOT_FOUND: Code.NotFound,
  ROUTE_NOT_FOUND: Code.Unimplemented,
  INVALID_INPUT: Code.InvalidArgument,
  INVALID_SCHEMA: Code.InvalidArgument,
  // The request is well-formed; the subject's history refuses it.
  INCOMPATIBLE_SCHEMA: Code.FailedPrecondition,
  INVALID_VERSION: Code.InvalidArgument,
  INVALID_COMPATIBILITY_LEVEL: Code.InvalidArgument,
  INVALID_MODE: Code.InvalidArgument,
  // READONLY / IMPORT modes: the registry's state, not the caller's identity, forbids it.
  OPERATION_NOT_PERMITTED: Code.FailedPrecondition,
  NOT_SOFT_DELETED: Code.FailedPrecondition,
  REFERENCED: Code.FailedPrecondition,
  PAYLOAD_TOO_LARGE: Code.ResourceExhausted,
  RATE_LIMITED: Code.ResourceExhausted,
  TOO_MANY_STREAMS: Code.ResourceExhausted,
  // Lost an optimistic-concurrency race: retrying may succeed.
  CONFLICT: Code.Aborted,
  STORAGE_UNAVAILABLE: Code.Unavailable,
  INTERNAL: Code.Internal,
};
