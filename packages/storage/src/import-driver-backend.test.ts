import { describe, expect, it } from 'vitest';
import { importDriverBackend } from './import-driver-backend.js';
import { StorageError } from './storage-error.js';

/** The error Node's ESM loader throws for a package that is not installed. */
function notInstalled(name: string): Error {
  return Object.assign(
    new Error(`Cannot find package '${name}' imported from /app/node_modules/@llmsr/storage/x.js`),
    { code: 'ERR_MODULE_NOT_FOUND' },
  );
}

describe('importDriverBackend', () => {
  it('returns the backend module when the driver is installed', async () => {
    const backend = { createStore: () => 'store' };
    await expect(importDriverBackend('pg', async () => backend)).resolves.toBe(backend);
  });

  it('fails with DRIVER_MISSING naming the install command when better-sqlite3 is absent', async () => {
    const failure = importDriverBackend('better-sqlite3', () =>
      Promise.reject(notInstalled('better-sqlite3')),
    );
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({
      code: 'DRIVER_MISSING',
      message: expect.stringContaining('pnpm add better-sqlite3'),
      details: { driver: 'better-sqlite3', install: 'pnpm add better-sqlite3' },
    });
  });

  it('names PostgreSQL and pg when pg is absent', async () => {
    await expect(
      importDriverBackend('pg', () => Promise.reject(notInstalled('pg'))),
    ).rejects.toMatchObject({
      code: 'DRIVER_MISSING',
      message: expect.stringMatching(/^PostgreSQL storage needs the pg package.*pnpm add pg/),
    });
  });

  it('rethrows other failures, including a different missing package, unchanged', async () => {
    const other = notInstalled('pg-protocol');
    await expect(importDriverBackend('pg', () => Promise.reject(other))).rejects.toBe(other);
    const broken = new TypeError('boom');
    await expect(importDriverBackend('pg', () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
