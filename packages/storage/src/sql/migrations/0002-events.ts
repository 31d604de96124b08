import type { Kysely, Migration } from 'kysely';

/** The change-event log that lets a stream client resume from the last id it saw. */
export const eventsTable: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Ids are allocated as max + 1 under a lock, so the same plain integer key serves both dialects.
    await db.schema
      .createTable('events')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('events').execute();
  },
};
