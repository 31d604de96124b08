/**
 * An error a built-in (or application) handler throws: a stable `code` (its type for retry
 * policies), `retryable: false` when the same input would fail again, and JSON-safe details.
 *
 * @example
 * ```ts
 * throw new HandlerError('HTTP_404', 'GET https://x/y answered 404', { retryable: false, details: { status: 404 } });
 * ```
 */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? true;
    this.details = options.details ?? {};
  }
}
