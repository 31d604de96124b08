import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { metadataHasTag, metadataMatches, subjectContains } from '../json-match.js';
import { createKeyedMutex } from '../keyed-mutex.js';
import type { Database } from '../sql/database.js';
import type { SqlDialectAdapter } from '../sql/sql-dialect-adapter.js';
import { StorageError } from '../storage-error.js';

/**
 * Registers the JSON and case-folding filters as SQL functions written in JS, so SQLite search
 * matches the memory backend exactly (full Unicode case folding, deep JSON equality).
 */
export function registerSqliteFunctions(database: BetterSqlite3.Database): void {
  const options = { deterministic: true, varargs: false };
  database.function('llmsr_contains', options, (subject: unknown, needle: unknown) =>
    typeof subject === 'string' && typeof needle === 'string' && subjectContains(subject, needle)
      ? 1
      : 0,
  );
  database.function(
    'llmsr_metadata_matches',
    options,
    (json: unknown, key: unknown, value: unknown) => {
      if (typeof json !== 'string' || typeof key !== 'string') return 0;
      const expected = typeof value === 'string' ? JSON.parse(value) : undefined;
      return metadataMatches(JSON.parse(json), key, expected) ? 1 : 0;
    },
  );
  database.function('llmsr_has_tag', options, (json: unknown, tag: unknown) =>
    typeof json === 'string' && typeof tag === 'string' && metadataHasTag(JSON.parse(json), tag)
      ? 1
      : 0,
  );
}

/**
 * Write transactions per database file in this process. better-sqlite3 waits for a busy file
 * synchronously, so a second store on the same file would freeze the event loop while the first
 * holds the lock across an await; queueing here first keeps that wait asynchronous.
 */
const fileWriteQueue = createKeyedMutex();

/**
 * The SQLite side of the shared SQL layer: one writer at a time, `BEGIN IMMEDIATE`.
 * `fileKey` names the database file (its real path), or is unique for an in-memory database.
 */
export function createSqliteDialectAdapter(fileKey: string): SqlDialectAdapter {
  return {
    backend: 'sqlite',

    async writeTransaction(db, _subject, work) {
      // connection() pins Kysely's single SQLite connection; IMMEDIATE takes the file's write
      // lock up front, so another process cannot interleave and no lock upgrade can deadlock.
      return fileWriteQueue.run(fileKey, () =>
        db.connection().execute(async (conn: Kysely<Database>) => {
          await sql`begin immediate`.execute(conn);
          try {
            const result = await work(conn);
            await sql`commit`.execute(conn);
            return result;
          } catch (error) {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); keep the original error.
            await sql`rollback`.execute(conn).catch(() => {});
            throw error;
          }
        }),
      );
    },

    async lockSchemaIds() {
      // BEGIN IMMEDIATE already excludes every other writer.
    },

    async lockEvents() {
      // BEGIN IMMEDIATE already excludes every other writer.
    },

    async notifyEvents() {
      // Other connections see the commit through PRAGMA data_version (sqlite-change-feed.ts).
    },

    subjectContains(needle) {
      return sql`llmsr_contains(${sql.ref('sv.subject')}, ${needle})`;
    },

    metadataMatches(key, valueJson) {
      return sql`llmsr_metadata_matches(${sql.ref('sv.metadata_json')}, ${key}, ${valueJson ?? null})`;
    },

    metadataHasTag(tag) {
      return sql`llmsr_has_tag(${sql.ref('sv.metadata_json')}, ${tag})`;
    },

    orderByCodePoint(column) {
      return sql.ref(column);
    },

    translateError: translateSqliteError,
  };
}

/** Maps better-sqlite3 errors to {@link StorageError}s (unique keys, busy or unusable files). */
export function translateSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || error instanceof StorageError) return error;
  const message = (error as Error).message;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return message.includes('schemas.')
      ? new StorageError('ID_CONFLICT', message, { cause: code })
      : new StorageError('VERSION_CONFLICT', message, { cause: code });
  }
  if (UNAVAILABLE_CODES.some((c) => code === c || code.startsWith(`${c}_`))) {
    return new StorageError('UNAVAILABLE', `SQLite is unavailable: ${message}`, { cause: code });
  }
  return error;
}

/** Codes (and their extended `_SUFFIX` forms) that mean the file cannot be used right now. */
const UNAVAILABLE_CODES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
];
