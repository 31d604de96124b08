import type { CompatibilityViolation } from './client-types.js';

/** Codes the client itself raises; server errors carry the server's own `error_code` instead. */
export type ClientErrorCode =
  | 'NETWORK_ERROR'
  | 'HTTP_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'INVALID_RESPONSE'
  | 'RESPONSE_TOO_LARGE'
  | 'INVALID_ARGUMENT'
  | 'NOT_SUPPORTED_BY_TRANSPORT'
  | 'RPC_ERROR'
  | 'ROUTE_UNAVAILABLE'
  | 'SERIALIZATION_ERROR'
  | 'CREDENTIALS_ERROR';

/** One compatibility violation as the server reports it (camelCase; derived from the REST schema). */
export type { CompatibilityViolation } from './client-types.js';

/**
 * Every failure of the client: `code` is the server's `error_code` for an HTTP error (for example
 * `SUBJECT_NOT_FOUND`) or a {@link ClientErrorCode}; `status` is the HTTP status when there was one.
 */
export class RegistryClientError extends Error {
  override readonly name: string = 'RegistryClientError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A 409 `INCOMPATIBLE_SCHEMA`: the schema breaks earlier versions; `violations` say how. */
export class IncompatibleSchemaError extends RegistryClientError {
  override readonly name = 'IncompatibleSchemaError';
  constructor(
    message: string,
    readonly violations: CompatibilityViolation[],
    details: Record<string, unknown>,
  ) {
    super('INCOMPATIBLE_SCHEMA', message, 409, details);
  }
}

/** The codes of {@link RegistryAuthError}. */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * A refusal for want of rights: `UNAUTHENTICATED` (401: no, malformed, unknown or revoked
 * credentials) or `FORBIDDEN` (403: the key's role or subject prefixes do not allow the call).
 * Never retried: the same credentials get the same answer.
 */
export class RegistryAuthError extends RegistryClientError {
  override readonly name = 'RegistryAuthError';
  declare readonly code: AuthErrorCode;
  constructor(
    code: AuthErrorCode,
    message: string,
    status: number | undefined,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, status, details, options);
  }
}

/** Whether a code is one of {@link RegistryAuthError}'s. */
export function isAuthErrorCode(code: string): code is AuthErrorCode {
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
}

/** Whether a value is a {@link RegistryClientError} (also across package copies). */
export function isRegistryClientError(value: unknown): value is RegistryClientError {
  return value instanceof RegistryClientError;
}
