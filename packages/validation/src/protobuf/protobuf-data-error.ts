import type { ValidationIssue } from '../schema-format.js';

/** A value that cannot be encoded, or bytes that cannot be decoded, with a Protobuf message. */
export class ProtobufDataError extends Error {
  override readonly name = 'ProtobufDataError';
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
  }
}
