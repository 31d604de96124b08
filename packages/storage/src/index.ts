/**
 * @llmsr/storage: the registry's storage port and its memory, SQLite and PostgreSQL backends.
 * The SQL backends are loaded on demand by {@link createSchemaStore}, or directly from
 * `@llmsr/storage/sqlite` and `@llmsr/storage/postgres`.
 * @module
 */

export type * from './auth-records.js';
export { createSchemaStore } from './create-schema-store.js';
export { MemoryStore } from './memory/memory-store.js';
export type * from './schema-store.js';
export { StorageError, type StorageErrorCode } from './storage-error.js';
export type * from './types.js';
export {
  type ComputeSchemaIdentity,
  CURRENT_IDENTITY_VERSION,
  type SchemaIdentity,
  type UpgradeSchemaIdentitiesOptions,
} from './upgrade-schema-identities.js';
