/** Stable codes of {@link SchemaInputError}. */
export type SchemaInputErrorCode = 'SCHEMA_TYPE_MISMATCH' | 'INVALID_NATIVE_SCHEMA';

/** A format checker was given a schema it cannot compare (wrong format or a foreign native value). */
export class SchemaInputError extends Error {
  override readonly name = 'SchemaInputError';
  constructor(
    readonly code: SchemaInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
