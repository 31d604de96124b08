import { StorageError } from '@llmsr/storage';
import { describe, expect, it } from 'vitest';
import { RegistryError } from './registry-error.js';
import { toRegistryError } from './to-registry-error.js';

describe('toRegistryError', () => {
  it('passes a RegistryError through unchanged', () => {
    const error = new RegistryError('SUBJECT_NOT_FOUND', 'no such subject', { subject: 'a' });
    expect(toRegistryError(error)).toBe(error);
  });

  it.each([
    ['NOT_SOFT_DELETED', 'NOT_SOFT_DELETED'],
    ['REFERENCED', 'REFERENCED'],
    ['VERSION_CONFLICT', 'CONFLICT'],
    ['ID_CONFLICT', 'CONFLICT'],
    ['INVALID_URL', 'INVALID_INPUT'],
    ['UNAVAILABLE', 'STORAGE_UNAVAILABLE'],
  ] as const)(
    'maps the storage code %s to %s, keeping message, details and cause',
    (code, expected) => {
      const cause = new StorageError(code, 'storage said no', { table: 'schemas' });
      const error = toRegistryError(cause);
      expect(error).toBeInstanceOf(RegistryError);
      expect(error).toMatchObject({
        code: expected,
        message: 'storage said no',
        details: { table: 'schemas' },
      });
      expect(error.cause).toBe(cause);
    },
  );

  it('answers a stack overflow on hostile input as INVALID_INPUT', () => {
    expect(toRegistryError(new RangeError('Maximum call stack size exceeded')).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('answers any other failure as INTERNAL, naming it in the message', () => {
    const error = toRegistryError(new TypeError('x is undefined'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('x is undefined');
    expect(toRegistryError('a thrown string').code).toBe('INTERNAL');
  });
});
