import { randomUUID } from 'node:crypto';
import { Code, ConnectError } from '@connectrpc/connect';
import { isRegistryError, RegistryError } from '@llmsr/core';
import { ErrorDetailSchema } from '@llmsr/proto';
import { CONNECT_CODES } from './connect-codes.js';
import { toErrorDetail } from './to-error-detail.js';

/** Response header (gRPC: trailer) carrying the stable registry error code. */
export const ERROR_CODE_HEADER = 'llmsr-error-code';

/**
 * A thrown value as the `ConnectError` clients receive: registry errors get their status from
 * {@link CONNECT_CODES}, the `llmsr-error-code` header and an `ErrorDetail`. An internal error
 * (a registry `INTERNAL` or anything unexpected) answers only `Internal error; request id <id>`:
 * its own text may hold internals (SQL, paths, credentials), so it goes to the log under that id.
 */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  if (isRegistryError(error) && error.code !== 'INTERNAL') {
    return new ConnectError(
      error.message,
      CONNECT_CODES[error.code],
      { [ERROR_CODE_HEADER]: error.code },
      [{ desc: ErrorDetailSchema, value: toErrorDetail(error) }],
      error,
    );
  }
  const requestId = randomUUID();
  const raw = isRegistryError(error) ? (error.cause ?? error) : error;
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'internal error (Connect API)',
      request_id: requestId,
      error: raw instanceof Error ? (raw.stack ?? raw.message) : String(raw),
    }),
  );
  const generic = new RegistryError('INTERNAL', `Internal error; request id ${requestId}`, {
    requestId,
  });
  return new ConnectError(
    generic.message,
    Code.Internal,
    { [ERROR_CODE_HEADER]: 'INTERNAL' },
    [{ desc: ErrorDetailSchema, value: toErrorDetail(generic) }],
    error,
  );
}
