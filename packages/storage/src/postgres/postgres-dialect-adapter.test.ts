import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error.js';
import { postgresDialectAdapter } from './postgres-dialect-adapter.js';

function pgError(fields: Record<string, unknown>, message = 'failure'): Error {
  return Object.assign(new Error(message), fields);
}

describe('postgresDialectAdapter.translateError', () => {
  it.each([
    [{ code: '23505', constraint: 'schemas_type_fingerprint_key' }, 'ID_CONFLICT'],
    [{ code: '23505', constraint: 'schemas_pkey' }, 'ID_CONFLICT'],
    [{ code: '23505', constraint: 'subject_versions_pkey' }, 'VERSION_CONFLICT'],
    [{ code: '23505', constraint: 'resources_pkey' }, 'VERSION_CONFLICT'],
    [{ code: 'ECONNREFUSED' }, 'UNAVAILABLE'],
    [{ code: 'ENOTFOUND' }, 'UNAVAILABLE'],
    [{ code: '08006' }, 'UNAVAILABLE'],
    [{ code: '28P01' }, 'UNAVAILABLE'],
    [{ code: '3D000' }, 'UNAVAILABLE'],
    [{ code: '57P01' }, 'UNAVAILABLE'],
    [{ code: '53300' }, 'UNAVAILABLE'],
  ])('maps %j to %s', (fields, expected) => {
    const translated = postgresDialectAdapter.translateError(pgError(fields));
    expect(translated).toBeInstanceOf(StorageError);
    expect((translated as StorageError).code).toBe(expected);
  });

  it.each([
    'Connection terminated unexpectedly',
    'timeout exceeded when trying to connect',
    'Cannot use a pool after calling end on the pool',
  ])('maps the code-less driver message %j to UNAVAILABLE', (message) => {
    const translated = postgresDialectAdapter.translateError(new Error(message));
    expect((translated as StorageError).code).toBe('UNAVAILABLE');
  });

  it('passes other errors through unchanged', () => {
    const syntax = pgError({ code: '42601' }, 'syntax error');
    expect(postgresDialectAdapter.translateError(syntax)).toBe(syntax);
    const storage = new StorageError('REFERENCED', 'x');
    expect(postgresDialectAdapter.translateError(storage)).toBe(storage);
    expect(postgresDialectAdapter.translateError(undefined)).toBe(undefined);
  });
});
