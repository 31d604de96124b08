import type { ValidationIssue } from '../schema-format.js';

/** A value that cannot be encoded, or bytes that cannot be decoded, with an Avro schema. */
export class AvroDataError extends Error {
  override readonly name = 'AvroDataError';
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
  }
}
