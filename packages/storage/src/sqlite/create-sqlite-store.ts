import { randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SchemaStore } from '../schema-store.js';
import type { Database } from '../sql/database.js';
import { runMigrations } from '../sql/migrations/run-migrations.js';
import { SqlStore } from '../sql/sql-store.js';
import { StorageError } from '../storage-error.js';
import { openSqliteChangeFeed } from './sqlite-change-feed.js';
import {
  createSqliteDialectAdapter,
  registerSqliteFunctions,
  translateSqliteError,
} from './sqlite-dialect-adapter.js';
import { withStatementCache } from './with-statement-cache.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** A file path (its directory is created) or `:memory:`. */
  filename: string;
  /** How long a write waits for another process's lock before failing, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Change events to keep (default 10,000). */
  eventRetention?: number | undefined;
  /** How often `watchEvents` polls `PRAGMA data_version`, in ms (default 200). */
  pollMs?: number | undefined;
}

/**
 * Opens (creating and migrating as needed) a SQLite-backed {@link SchemaStore} in WAL mode.
 *
 * @example
 * ```ts
 * const store = await createSqliteStore({ filename: './data/registry.db' });
 * await store.ping();
 * await store.close();
 * ```
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<SchemaStore> {
  const database = openDatabase(options);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  try {
    await runMigrations(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw translateSqliteError(error);
  }
  return new SqlStore(db, createSqliteDialectAdapter(fileKeyOf(database)), {
    eventRetention: options.eventRetention,
    openChangeFeed: (signal) => openSqliteChangeFeed(database, signal, options.pollMs),
  });
}

/** The real path of the database file, or a key of its own for an in-memory database. */
function fileKeyOf(database: Sqlite.Database): string {
  return database.memory ? `:memory:${randomUUID()}` : realpathSync(database.name);
}

function openDatabase(options: SqliteStoreOptions): Sqlite.Database {
  const { filename } = options;
  try {
    if (filename !== ':memory:' && filename !== '') {
      mkdirSync(dirname(filename), { recursive: true });
    }
    const database = new Sqlite(filename, { timeout: options.busyTimeoutMs ?? 5000 });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    registerSqliteFunctions(database);
    return database;
  } catch (error) {
    throw new StorageError(
      'UNAVAILABLE',
      `Cannot open SQLite database ${filename}: ${String(error)}`,
      {
        filename,
      },
    );
  }
}
