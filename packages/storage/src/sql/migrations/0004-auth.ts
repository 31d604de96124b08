import type { Kysely, Migration } from 'kysely';

/**
 * API keys (only an scrypt hash and salt of each secret) and the audit log. Timestamps are
 * ISO-8601 TEXT like every other table, so they sort and compare as strings on both dialects.
 */
export const authTables: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('subjects_json', 'text', (c) => c.notNull())
      .addColumn('basic_user', 'text', (c) => c.notNull().unique())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('principal', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('client_address', 'text')
      .addColumn('details_json', 'text', (c) => c.notNull())
      .execute();
    // Listings are newest first and retention deletes by time.
    await db.schema.createIndex('audit_log_time').on('audit_log').columns(['time', 'id']).execute();
    await db.schema
      .createIndex('audit_log_principal')
      .on('audit_log')
      .columns(['principal', 'time'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('audit_log').execute();
    await db.schema.dropTable('api_keys').execute();
  },
};
