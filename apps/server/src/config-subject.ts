import { RegistryError } from '@llmsr/core';

/** Longest subject name accepted, as core's subject check (`MAX_SUBJECT_LENGTH`). */
const MAX_SUBJECT_LENGTH = 1_024;

/**
 * Check the subject of a config or mode path (`/config/{subject}`, `/mode/{subject}`,
 * `/api/v1/config/:subject`) with the rule registration applies: the config calls of the
 * registry take any string, and a NUL reaching PostgreSQL is a driver error (a 500), not the
 * client's 4xx. `undefined` (no subject in the path) is the global config.
 * @throws RegistryError `INVALID_INPUT` (field `subject`).
 */
export function parseConfigSubject(subject: string | undefined): string | null {
  if (subject === undefined) return null;
  const invalid = (message: string) =>
    new RegistryError('INVALID_INPUT', message, { field: 'subject' });
  if (subject.trim() === '') throw invalid('subject must be a non-empty string');
  if (subject.length > MAX_SUBJECT_LENGTH) {
    throw invalid(`subject is longer than ${MAX_SUBJECT_LENGTH} characters`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(subject)) {
    throw invalid('subject must not contain control characters');
  }
  return subject;
}
