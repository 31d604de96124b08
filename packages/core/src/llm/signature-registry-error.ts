import type { SignatureError, SignatureErrorCode } from '@llmsr/llm';
import type { ErrorCode } from '@llmsr/spec';
import { RegistryError } from '../registry-error.js';

/**
 * The registry code of each signature error code: syntax and unknown types keep their own
 * codes (clients act on them: show the location, offer the known types); every other rule of
 * the signature language is `INVALID_SIGNATURE`, told apart by `details.signatureCode`.
 */
const CODES: Readonly<Record<SignatureErrorCode, ErrorCode>> = {
  SIGNATURE_SYNTAX: 'SIGNATURE_SYNTAX',
  SIGNATURE_UNKNOWN_TYPE: 'SIGNATURE_UNKNOWN_TYPE',
  SIGNATURE_INVALID_TYPE: 'INVALID_SIGNATURE',
  SIGNATURE_INVALID_NAME: 'INVALID_SIGNATURE',
  SIGNATURE_DUPLICATE_FIELD: 'INVALID_SIGNATURE',
  SIGNATURE_INVALID_CONSTRAINT: 'INVALID_SIGNATURE',
  SIGNATURE_NOT_TUNABLE: 'INVALID_SIGNATURE',
  SIGNATURE_TOO_LARGE: 'INVALID_SIGNATURE',
  SIGNATURE_TOO_DEEP: 'INVALID_SIGNATURE',
};

/**
 * A {@link SignatureError} as a {@link RegistryError}: `details` holds `signatureCode` and the
 * error's location and context (`line`, `column`, `expected`, `path`, `typeName`, `known`),
 * whichever it has.
 *
 * @example
 * ```ts
 * signatureRegistryError(error).details; // { signatureCode: 'SIGNATURE_SYNTAX', line: 1, column: 9, expected: ['->'] }
 * ```
 */
export function signatureRegistryError(error: SignatureError): RegistryError {
  const { code, message, ...details } = error.toJSON();
  return new RegistryError(
    CODES[code],
    message,
    { signatureCode: code, ...details },
    {
      cause: error,
    },
  );
}
