import { RegistryClientError } from './registry-client-error.js';

/** A subject name, checked before it goes on the wire; anything else is `INVALID_ARGUMENT`. */
export function checkSubject(subject: unknown): string {
  if (typeof subject !== 'string' || subject === '') {
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      'subject must be a non-empty string',
      undefined,
      { field: 'subject' },
    );
  }
  return subject;
}

/** An input object; `null`, arrays and primitives are `INVALID_ARGUMENT` naming `what`. */
export function checkInput<T>(input: T, what: string): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new RegistryClientError('INVALID_ARGUMENT', `${what} must be an object`, undefined, {
      field: what,
    });
  }
  return input;
}
