import { Code, ConnectError } from '@connectrpc/connect';
import { isRegistryError } from '@llmsr/core';
import { ErrorDetailSchema } from '@llmsr/proto';
import { CONNECT_CODES } from './connect-codes.js';
import { toErrorDetail } from './to-error-detail.js';

/** Response header (gRPC: trailer) carrying the stable registry error code. */
export const ERROR_CODE_HEADER = 'llmsr-error-code';

/**
 * A thrown value as the `ConnectError` clients receive: registry errors get their status from
 * {@link CONNECT_CODES}, the `llmsr-error-code` header and an `ErrorDetail`; anything else is
 * INTERNAL without its message (it may hold internals).
 */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  if (isRegistryError(error)) {
    return new ConnectError(
      error.message,
      CONNECT_CODES[error.code],
      { [ERROR_CODE_HEADER]: error.code },
      [{ desc: ErrorDetailSchema, value: toErrorDetail(error) }],
      error,
    );
  }
  return new ConnectError(
    'Internal error',
    Code.Internal,
    { [ERROR_CODE_HEADER]: 'INTERNAL' },
    undefined,
    error,
  );
}
