import { describe, expect, it } from 'vitest';
import { createSchemaStore } from './create-schema-store.js';
import { StorageError } from './storage-error.js';

async function errorOf(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('createSchemaStore', () => {
  it('opens a memory store from memory:', async () => {
    const store = await createSchemaStore('memory:');
    expect(store.backend).toBe('memory');
    await store.close();
  });

  it.each([
    '',
    'memory',
    'memory:extra',
    'sqlite:',
    'mysql://localhost/db',
    'postgres://',
    'POSTGRES://host/db',
    ' sqlite::memory:',
    'file:///tmp/x.db',
    '\u0000',
    'x'.repeat(100_000),
  ])('refuses the URL %j with INVALID_URL', async (url) => {
    expect((await errorOf(createSchemaStore(url))).code).toBe('INVALID_URL');
  });

  it('refuses a non-string URL with INVALID_URL', async () => {
    const notAString = 42 as unknown as string;
    expect((await errorOf(createSchemaStore(notAString))).code).toBe('INVALID_URL');
  });

  it('does not echo a password of a rejected URL', async () => {
    const error = await errorOf(createSchemaStore('mysql://user:hunter2@host/db'));
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.details)).not.toContain('hunter2');
  });

  it('reports a PostgreSQL server that refuses connections as UNAVAILABLE', async () => {
    const error = await errorOf(createSchemaStore('postgres://postgres@127.0.0.1:1/none'));
    expect(error.code).toBe('UNAVAILABLE');
  });
});
