import type Sqlite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Most distinct SQL texts kept prepared; the store issues a few dozen. */
const MAX_STATEMENTS = 512;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements reused by SQL text.
 * Kysely prepares every query anew, which is about 15% of a registration on SQLite; a
 * better-sqlite3 statement is synchronous and reusable, and SQLite re-prepares it by itself
 * after a schema change.
 */
export function withStatementCache(database: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}
