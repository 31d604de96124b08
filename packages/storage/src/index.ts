/**
 * @llmsr/storage: the registry's storage port and its memory, SQLite and PostgreSQL backends.
 * @module
 */

export type * from './schema-store.js';
export { StorageError, type StorageErrorCode } from './storage-error.js';
export type * from './types.js';
