import { importDriverBackend } from './import-driver-backend.js';
import { MemoryStore } from './memory/memory-store.js';
import type { SchemaStore, SchemaStoreOptions } from './schema-store.js';
import { StorageError } from './storage-error.js';

/**
 * Opens the store a URL names: `memory:`, `sqlite:<path>` (`sqlite::memory:` for an in-memory
 * database), or `postgres://...` / `postgresql://...`. Each SQL driver is imported only when its
 * URL is used: better-sqlite3 and pg are optional peer dependencies, and a URL whose driver is
 * not installed fails with {@link StorageError} `DRIVER_MISSING` naming the package to add.
 * Throws `INVALID_URL` for anything else. `options` apply to every backend (`pollMs` to SQLite
 * only).
 *
 * @example
 * ```ts
 * const store = await createSchemaStore('sqlite:./data/registry.db');
 * const subjects = await store.listSubjects();
 * await store.close();
 * ```
 */
export async function createSchemaStore(
  url: string,
  options: SchemaStoreOptions = {},
): Promise<SchemaStore> {
  if (typeof url !== 'string') {
    throw new StorageError('INVALID_URL', 'The storage URL must be a string', { url });
  }
  if (url === 'memory:') return new MemoryStore(options);
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length);
    if (filename === '') {
      throw new StorageError('INVALID_URL', 'sqlite: needs a file path or :memory:', { url });
    }
    const { createSqliteStore } = await importDriverBackend(
      'better-sqlite3',
      () => import('./sqlite/create-sqlite-store.js'),
    );
    return createSqliteStore({ ...options, filename });
  }
  if (/^postgres(ql)?:\/\/./.test(url)) {
    const { createPostgresStore } = await importDriverBackend(
      'pg',
      () => import('./postgres/create-postgres-store.js'),
    );
    return createPostgresStore({ eventRetention: options.eventRetention, connectionString: url });
  }
  throw new StorageError(
    'INVALID_URL',
    `Unsupported storage URL "${redact(url)}": use memory:, sqlite:<path> or postgres://...`,
    { url: redact(url) },
  );
}

/** Hides a password in error messages (`scheme://user:secret@host` becomes `user:***@`). */
function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
