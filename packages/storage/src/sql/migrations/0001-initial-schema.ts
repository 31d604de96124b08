import type { Kysely, Migration } from 'kysely';

/** Creates the registry tables and the indexes its lookups use. */
export const initialSchema: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('schemas')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('guid', 'text', (c) => c.notNull().unique())
      .addColumn('schema_type', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('canonical', 'text', (c) => c.notNull())
      .addColumn('schema_text', 'text', (c) => c.notNull())
      .addColumn('references_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('schemas_type_fingerprint_key', ['schema_type', 'fingerprint'])
      .execute();

    await db.schema
      .createTable('subject_versions')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('semver', 'text', (c) => c.notNull())
      .addColumn('schema_id', 'integer', (c) => c.notNull().references('schemas.id'))
      .addColumn('metadata_json', 'text')
      .addColumn('compatibility_level', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint('subject_versions_pkey', ['subject', 'version'])
      .execute();
    // "Which versions use schema N" (shared content, hard delete, listVersionsBySchemaId).
    await db.schema
      .createIndex('subject_versions_schema_id_idx')
      .on('subject_versions')
      .column('schema_id')
      .execute();

    await db.schema
      .createTable('schema_references')
      .addColumn('schema_id', 'integer', (c) =>
        c.notNull().references('schemas.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('ref_name', 'text', (c) => c.notNull())
      .addColumn('ref_subject', 'text', (c) => c.notNull())
      .addColumn('ref_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('schema_references_pkey', ['schema_id', 'position'])
      .execute();
    // Dependents of a subject version (the REFERENCED check of hard delete).
    await db.schema
      .createIndex('schema_references_target_idx')
      .on('schema_references')
      .columns(['ref_subject', 'ref_version'])
      .execute();

    await db.schema
      .createTable('configs')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('compatibility_level', 'text')
      .addColumn('mode', 'text')
      .addColumn('extra_json', 'text')
      .addPrimaryKeyConstraint('configs_pkey', ['scope', 'subject'])
      .execute();

    await db.schema
      .createTable('resources')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('document_json', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('resources_pkey', ['kind', 'id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['resources', 'configs', 'schema_references', 'subject_versions']) {
      await db.schema.dropTable(table).execute();
    }
    await db.schema.dropTable('schemas').execute();
  },
};
