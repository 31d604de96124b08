/** Stable codes of {@link CompatibilityCheckError}. */
export type CompatibilityCheckErrorCode = 'UNKNOWN_LEVEL' | 'NO_CHECKER' | 'INVALID_INPUT';

/** A compatibility check that cannot run at all (bad level, no checker for the format, malformed input). */
export class CompatibilityCheckError extends Error {
  override readonly name = 'CompatibilityCheckError';
  constructor(
    readonly code: CompatibilityCheckErrorCode,
    message: string,
  ) {
    super(message);
  }
}
