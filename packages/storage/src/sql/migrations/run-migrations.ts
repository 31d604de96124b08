import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';
import { eventsTable } from './0002-events.js';
import { schemaIdentity } from './0003-schema-identity.js';
import { authTables } from './0004-auth.js';

/** Every migration, in order. Add new ones here; never edit or rename a released one. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial_schema': initialSchema,
  '0002_events': eventsTable,
  '0003_schema_identity': schemaIdentity,
  '0004_auth': authTables,
};

/** A static provider: migrations are bundled code, so no file-system globbing at startup. */
const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return { ...migrations };
  },
};

/**
 * Brings the database to the latest schema. Idempotent; Kysely's migration lock makes
 * concurrent starts of several processes safe.
 */
export async function runMigrations(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
