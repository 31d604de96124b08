import { Code } from '@connectrpc/connect';
import {
  type ConnectCodeName,
  ERROR_CODES,
  ERROR_CONNECT_CODES,
  type ErrorCode,
} from '@llmsr/spec';

/**
 * `@connectrpc/connect`'s `Code` of each Connect code name: exhaustive, so the spec cannot name a
 * code this app cannot answer with.
 */
const CODE_OF_NAME: Readonly<Record<ConnectCodeName, Code>> = {
  canceled: Code.Canceled,
  unknown: Code.Unknown,
  invalid_argument: Code.InvalidArgument,
  deadline_exceeded: Code.DeadlineExceeded,
  not_found: Code.NotFound,
  already_exists: Code.AlreadyExists,
  permission_denied: Code.PermissionDenied,
  resource_exhausted: Code.ResourceExhausted,
  failed_precondition: Code.FailedPrecondition,
  aborted: Code.Aborted,
  out_of_range: Code.OutOfRange,
  unimplemented: Code.Unimplemented,
  internal: Code.Internal,
  unavailable: Code.Unavailable,
  data_loss: Code.DataLoss,
  unauthenticated: Code.Unauthenticated,
};

/**
 * Connect/gRPC status of every registry error code: `@llmsr/spec`'s one exhaustive table
 * (`ERROR_CONNECT_CODES`, whose REST twin is `ERROR_REST_STATUS`) as `Code` values, so a new
 * code fails to compile until it is mapped there.
 */
export const CONNECT_CODES: Readonly<Record<ErrorCode, Code>> = Object.freeze(
  Object.fromEntries(
    ERROR_CODES.map((code) => [code, CODE_OF_NAME[ERROR_CONNECT_CODES[code]]]),
  ) as Record<ErrorCode, Code>,
);
