import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error.js';
import { createSqliteStore } from './create-sqlite-store.js';
import { translateSqliteError } from './sqlite-dialect-adapter.js';

function driverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('translateSqliteError', () => {
  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: schemas.schema_type', 'ID_CONFLICT'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: schemas.id', 'ID_CONFLICT'],
    [
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      'UNIQUE constraint failed: subject_versions.subject',
      'VERSION_CONFLICT',
    ],
    ['SQLITE_BUSY', 'database is locked', 'UNAVAILABLE'],
    ['SQLITE_BUSY_SNAPSHOT', 'database is locked', 'UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'UNAVAILABLE'],
    ['SQLITE_CANTOPEN', 'unable to open database file', 'UNAVAILABLE'],
    ['SQLITE_NOTADB', 'file is not a database', 'UNAVAILABLE'],
  ])('maps %s (%s) to %s', (code, message, expected) => {
    const translated = translateSqliteError(driverError(code, message));
    expect(translated).toBeInstanceOf(StorageError);
    expect((translated as StorageError).code).toBe(expected);
  });

  it('passes other errors through unchanged', () => {
    const syntax = driverError('SQLITE_ERROR', 'near "x": syntax error');
    expect(translateSqliteError(syntax)).toBe(syntax);
    const plain = new TypeError('bug');
    expect(translateSqliteError(plain)).toBe(plain);
    expect(translateSqliteError('text')).toBe('text');
    expect(translateSqliteError(null)).toBe(null);
  });
});

describe('createSqliteStore', () => {
  it('fails a write with UNAVAILABLE while another connection holds the write lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmsr-busy-'));
    const file = join(dir, 'busy.db');
    const store = await createSqliteStore({ filename: file, busyTimeoutMs: 20 });
    const other = new Sqlite(file);
    try {
      other.exec('begin immediate');
      const attempt = store.registerVersion({
        subject: 'busy',
        schema: {
          schemaType: 'JSON',
          fingerprint: 'f',
          canonical: '{}',
          schema: '{}',
          references: [],
        },
        decide: () => ({ semver: '1.0.0', compatibilityLevel: 'NONE' }),
      });
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as StorageError).code).toBe('UNAVAILABLE');
      other.exec('rollback');
      expect(await store.listVersions('busy')).toEqual([]);
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
