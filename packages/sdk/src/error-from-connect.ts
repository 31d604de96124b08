import { Code, ConnectError } from '@connectrpc/connect';
import { ErrorDetailSchema } from '@llmsr/proto';
import { ERROR_REST_STATUS, isErrorCode } from '@llmsr/spec';
import { registryErrorOf } from './error-from-response.js';
import { RegistryAuthError, RegistryClientError } from './registry-client-error.js';

/** Response header (gRPC: trailer) in which the Connect server puts the registry error code. */
export const ERROR_CODE_HEADER = 'llmsr-error-code';

/** The Connect protocol's HTTP equivalent of each code, for an error without a registry code. */
const CONNECT_HTTP_STATUS: Partial<Record<Code, number>> = {
  [Code.Canceled]: 499,
  [Code.Unknown]: 500,
  [Code.InvalidArgument]: 400,
  [Code.DeadlineExceeded]: 504,
  [Code.NotFound]: 404,
  [Code.AlreadyExists]: 409,
  [Code.PermissionDenied]: 403,
  [Code.ResourceExhausted]: 429,
  [Code.FailedPrecondition]: 400,
  [Code.Aborted]: 409,
  [Code.OutOfRange]: 400,
  [Code.Unimplemented]: 501,
  [Code.Internal]: 500,
  [Code.Unavailable]: 503,
  [Code.DataLoss]: 500,
  [Code.Unauthenticated]: 401,
};

/** What a failed call was, for the error message. */
export interface ConnectCallContext {
  /** The RPC name, e.g. `GetSchema`. */
  method: string;
  /** The caller's signal: when it aborted, the failure is `ABORTED` whatever Connect says. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** The client's limit on answers, told apart from the server's limit on requests. */
  readMaxBytes?: number | undefined;
}

/**
 * The {@link RegistryClientError} of a failed Connect call: the registry code from the
 * `llmsr-error-code` header or the `ErrorDetail` (with the REST status of that code, so errors
 * match the REST client's), else a client code: `ABORTED`, `TIMEOUT`, `NETWORK_ERROR`
 * (UNAVAILABLE without a registry code), `RESPONSE_TOO_LARGE` or `PAYLOAD_TOO_LARGE`
 * (RESOURCE_EXHAUSTED: an answer over the client's limit, or a request over the server's), `ROUTE_UNAVAILABLE` (UNIMPLEMENTED) or `RPC_ERROR`.
 */
export function errorFromConnect(error: unknown, context: ConnectCallContext): RegistryClientError {
  if (error instanceof RegistryClientError) return error;
  const failure = ConnectError.from(error);
  // An interceptor's error (the credentials callback failing) arrives wrapped by Connect.
  if (failure.cause instanceof RegistryClientError) return failure.cause;
  const { method } = context;
  if (context.signal?.aborted) {
    return new RegistryClientError(
      'ABORTED',
      `${method} was aborted`,
      undefined,
      {},
      { cause: error },
    );
  }
  const [detail] = failure.findDetails(ErrorDetailSchema);
  const code = failure.metadata.get(ERROR_CODE_HEADER) || detail?.code || undefined;
  if (code !== undefined) {
    const message = detail?.message || failure.rawMessage || `${code} (${Code[failure.code]})`;
    // The REST API's status for a registry code, so an error reads the same over either transport.
    const status = isErrorCode(code) ? ERROR_REST_STATUS[code] : CONNECT_HTTP_STATUS[failure.code];
    const mapped = registryErrorOf(code, message, status, detail?.details ?? {});
    return mapped;
  }
  switch (failure.code) {
    case Code.DeadlineExceeded:
      return new RegistryClientError(
        'TIMEOUT',
        `${method} timed out after ${String(context.timeoutMs)} ms`,
        undefined,
        { timeoutMs: context.timeoutMs },
        { cause: error },
      );
    case Code.Unavailable:
      return new RegistryClientError(
        'NETWORK_ERROR',
        `${method} failed: ${failure.rawMessage}`,
        undefined,
        {},
        { cause: error },
      );
    case Code.ResourceExhausted:
      // Connect names the limit it hit; the client's own one means the answer was too large.
      if (
        context.readMaxBytes !== undefined &&
        failure.rawMessage.includes(`readMaxBytes ${context.readMaxBytes}`)
      ) {
        return new RegistryClientError(
          'RESPONSE_TOO_LARGE',
          `${method}: the answer is larger than maxResponseBytes (${context.readMaxBytes})`,
          undefined,
          { maxResponseBytes: context.readMaxBytes },
          { cause: error },
        );
      }
      // Without a registry code this is Connect's own message size limit, which a retry cannot
      // pass (a proxy's rate limit arrives as HTTP 429, which Connect reads as UNAVAILABLE).
      return new RegistryClientError(
        'PAYLOAD_TOO_LARGE',
        `${method} failed: ${failure.rawMessage}`,
        413,
        {},
        { cause: error },
      );
    case Code.Unauthenticated:
    case Code.PermissionDenied: {
      const unauthenticated = failure.code === Code.Unauthenticated;
      return new RegistryAuthError(
        unauthenticated ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        `${method} was refused: ${failure.rawMessage}`,
        unauthenticated ? 401 : 403,
        {},
        { cause: error },
      );
    }
    case Code.Unimplemented:
      return new RegistryClientError(
        'ROUTE_UNAVAILABLE',
        `This server does not offer ${method} (${failure.rawMessage})`,
        404,
        {},
        { cause: error },
      );
    default:
      return new RegistryClientError(
        'RPC_ERROR',
        `${method} failed with ${Code[failure.code]}: ${failure.rawMessage}`,
        CONNECT_HTTP_STATUS[failure.code],
        { connectCode: Code[failure.code] },
        { cause: error },
      );
  }
}

/** Whether a failure is worth another attempt: the same rule as REST (network, timeout, 5xx, 429). */
export function isTransientError(error: RegistryClientError): boolean {
  if (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') return true;
  return error.status !== undefined && (error.status >= 500 || error.status === 429);
}
