/**
 * The SQLite backend of `@llmsr/storage` (better-sqlite3, WAL, one file).
 * @module
 */

export { createSqliteStore, type SqliteStoreOptions } from './create-sqlite-store.js';
