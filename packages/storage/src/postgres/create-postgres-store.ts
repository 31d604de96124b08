import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { SchemaStore } from '../schema-store.js';
import type { Database } from '../sql/database.js';
import { runMigrations } from '../sql/migrations/run-migrations.js';
import { SqlStore } from '../sql/sql-store.js';
import { openPostgresChangeFeed } from './postgres-change-feed.js';
import { postgresDialectAdapter } from './postgres-dialect-adapter.js';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `postgres://` or `postgresql://` connection string. */
  connectionString: string;
  /** Pool size (default 10). */
  maxConnections?: number;
  /** How long to wait for a connection before failing with `UNAVAILABLE`, in ms (default 10000). */
  connectionTimeoutMs?: number;
  /** Change events to keep (default 10,000). */
  eventRetention?: number | undefined;
}

/**
 * Connects to PostgreSQL, migrates to the latest schema and returns a {@link SchemaStore}.
 * Throws {@link StorageError} `UNAVAILABLE` when the database cannot be reached.
 *
 * @example
 * ```ts
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 * await store.ping();
 * await store.close();
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SchemaStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it kills the
  // process. The next query through that pool fails (and is mapped to UNAVAILABLE) instead.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await runMigrations(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw postgresDialectAdapter.translateError(error);
  }
  return new SqlStore(db, postgresDialectAdapter, {
    eventRetention: options.eventRetention,
    openChangeFeed: (signal) => openPostgresChangeFeed(options.connectionString, signal),
  });
}
