/** Stable codes of model-output parsing outcomes and errors. */
export const OUTPUT_ERROR_CODES = Object.freeze({
  /** No JSON object or array was found in the text. */
  OUTPUT_NO_JSON: 'OUTPUT_NO_JSON',
  /** JSON-like text was found but could not be repaired into JSON. */
  OUTPUT_INVALID_JSON: 'OUTPUT_INVALID_JSON',
  /** The text (or the stream so far) is longer than the configured bound. */
  OUTPUT_TOO_LARGE: 'OUTPUT_TOO_LARGE',
  /** The JSON nests deeper than the configured bound. */
  OUTPUT_TOO_DEEP: 'OUTPUT_TOO_DEEP',
  /** The data does not validate against the schema. */
  OUTPUT_SCHEMA_MISMATCH: 'OUTPUT_SCHEMA_MISMATCH',
  /** The schema itself could not be compiled (thrown, a caller error). */
  OUTPUT_SCHEMA_INVALID: 'OUTPUT_SCHEMA_INVALID',
} as const);

/** One of the {@link OUTPUT_ERROR_CODES}. */
export type OutputErrorCode = (typeof OUTPUT_ERROR_CODES)[keyof typeof OUTPUT_ERROR_CODES];

/** Thrown for caller errors of the output functions (an uncompilable schema), with a stable `code`. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly code: OutputErrorCode;

  constructor(code: OutputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
