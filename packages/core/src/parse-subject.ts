import { RegistryError } from './registry-error.js';

/** Longest subject name accepted (Confluent has no hard limit; this keeps keys and URLs sane). */
export const MAX_SUBJECT_LENGTH = 1_024;

/**
 * Check a subject name: a non-empty string of at most {@link MAX_SUBJECT_LENGTH} characters
 * without control characters.
 * @throws RegistryError `INVALID_INPUT`.
 */
export function parseSubject(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RegistryError('INVALID_INPUT', 'subject must be a non-empty string', {
      field: 'subject',
    });
  }
  if (value.length > MAX_SUBJECT_LENGTH) {
    throw new RegistryError(
      'INVALID_INPUT',
      `subject is longer than ${MAX_SUBJECT_LENGTH} characters`,
      {
        field: 'subject',
        length: value.length,
      },
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new RegistryError('INVALID_INPUT', 'subject must not contain control characters', {
      field: 'subject',
    });
  }
  return value;
}

/** Is this a name a subject can have ({@link parseSubject} accepts it)? */
export function isSubjectName(value: unknown): value is string {
  try {
    parseSubject(value);
    return true;
  } catch {
    return false;
  }
}
