import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from './database.js';

/**
 * Everything the shared SQL query layer ({@link SqlStore}) needs to know about one dialect:
 * locking, the JSON and case-folding filters, collation, and driver error translation.
 */
export interface SqlDialectAdapter {
  readonly backend: 'sqlite' | 'postgres';
  /**
   * Runs `work` in a write transaction that holds the subject's lock across processes until it
   * commits or rolls back (PostgreSQL advisory lock, SQLite `BEGIN IMMEDIATE`). With `null`, no
   * subject lock is taken (SQLite still excludes every other writer).
   */
  writeTransaction<T>(
    db: Kysely<Database>,
    subject: string | null,
    work: (trx: Kysely<Database>) => Promise<T>,
  ): Promise<T>;
  /** Serializes schema id allocation and schema row deletion until the transaction ends. */
  lockSchemaIds(trx: Kysely<Database>): Promise<void>;
  /**
   * Serializes event id allocation until the transaction ends. Always taken after the subject
   * and schema-id locks, never before, so lock order is the same in every transaction.
   */
  lockEvents(trx: Kysely<Database>): Promise<void>;
  /** Tells listeners of other processes, on commit, that an event was appended (PostgreSQL NOTIFY). */
  notifyEvents(trx: Kysely<Database>): Promise<void>;
  /** `sv.subject` contains `needle`, ignoring case. */
  subjectContains(needle: string): Expression<SqlBool>;
  /** `sv.metadata_json` has `key` (with the JSON value `valueJson`, when not undefined). */
  metadataMatches(key: string, valueJson: string | undefined): Expression<SqlBool>;
  /** `sv.metadata_json`'s `tags` array contains `tag`. */
  metadataHasTag(tag: string): Expression<SqlBool>;
  /** Orders a text column by code point, whatever the database's default collation. */
  orderByCodePoint(column: 'sv.subject' | 'subject' | 'id'): Expression<string>;
  /** Translates a driver error into a {@link StorageError} when it is a known kind; else returns it. */
  translateError(error: unknown): unknown;
}
