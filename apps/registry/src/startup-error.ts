/**
 * A failure to start, already worded for the operator: one line naming the setting to change
 * and how. The original error stays as `cause` (printed with `LOG_LEVEL=debug`).
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    /** The environment variable to change (`STORAGE_URL`, `PORT`, ...). */
    readonly setting: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
