/**
 * The PostgreSQL backend of `@llmsr/storage` (pg Pool).
 * @module
 */

export { createPostgresStore, type PostgresStoreOptions } from './create-postgres-store.js';
