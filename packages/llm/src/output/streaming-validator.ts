import type { OutputValidateFunction } from './compile-output-validator.ts';
import type { OutputValidationError } from './output-validation-error.ts';
import type { StreamViolation } from './streaming-checks.ts';

/** A top-level property (or, for an array root, item) whose value has closed. */
export interface CompletedField {
  readonly key: string | number;
  readonly path: string;
  readonly value: unknown;
}

/** What one {@link StreamingValidator.push} learned. */
export interface StreamingUpdate {
  /** Top-level fields that closed in this chunk, in order. */
  readonly fields: readonly CompletedField[];
  /** The first violation, from the chunk where it became certain onwards. */
  readonly violation: StreamViolation | undefined;
}

/** The verdict at the end of the stream: the same as the full validator on the whole text. */
export interface StreamingVerdict {
  readonly valid: boolean;
  readonly data: unknown;
  readonly errors: readonly OutputValidationError[];
  readonly violation: StreamViolation | undefined;
}

/** Validates JSON as a model streams it. */
export interface StreamingValidator {
  push(chunk: string): StreamingUpdate;
  end(): StreamingVerdict;
  readonly violation: StreamViolation | undefined;
}

/** Options of {@link createStreamingValidator}. */
export interface StreamingValidatorOptions {
  /** A precompiled validator for the end-of-stream verdict (default: compile `schema` with ajv). */
  readonly validate?: OutputValidateFunction;
  /** Longest stream accepted (default 1,000,000 characters): longer is `OUTPUT_TOO_LARGE`. */
  readonly maxLength?: number;
  /** Deepest nesting accepted (default 256): deeper is `OUTPUT_TOO_DEEP`. */
  readonly maxDepth?: number;
}
