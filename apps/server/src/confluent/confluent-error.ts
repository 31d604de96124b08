import { confluentHttpStatus } from '@llmsr/spec';

/**
 * An error answered with an explicit Confluent `error_code`, for the cases where Confluent
 * distinguishes what the registry reports with one code (e.g. 40404 subject already soft
 * deleted, 40408 no subject-level compatibility).
 *
 * @example
 * ```ts
 * throw new ConfluentError(40403, 'Schema not found');
 * ```
 */
export class ConfluentError extends Error {
  override readonly name = 'ConfluentError';

  constructor(
    /** Confluent's numeric code; its first three digits are the HTTP status. */
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The HTTP status of a Confluent error code: the code itself, or its first three digits
 * (`@llmsr/spec`'s rule, under the name this app has always used).
 */
export const confluentStatus: (errorCode: number) => number = confluentHttpStatus;
