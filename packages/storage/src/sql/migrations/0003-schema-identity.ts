import { type Kysely, type Migration, sql } from 'kysely';

/** The JSON Schema draft a database created before migration 0003 keeps as its default. */
const LEGACY_JSON_DEFAULT_DRAFT = '2020-12';

/**
 * Schema identity v2 and ids that are never reused:
 * - `schemas.pcf_fingerprint` and `schemas.json_draft` (nullable) and `schemas.identity_version`
 *   (existing rows are at 1 until `upgradeSchemaIdentities` recomputes them);
 * - `id_marks`, the high-water mark of schema ids, seeded from the largest stored id;
 * - a database that already holds schemas keeps JSON Schema 2020-12 as its default draft (merged
 *   into the global config's extra JSON), because its schemas were all read that way.
 */
export const schemaIdentity: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // One ALTER per column: SQLite accepts a single ADD COLUMN per statement.
    await db.schema.alterTable('schemas').addColumn('pcf_fingerprint', 'text').execute();
    await db.schema.alterTable('schemas').addColumn('json_draft', 'text').execute();
    await db.schema
      .alterTable('schemas')
      .addColumn('identity_version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('id_marks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into id_marks (name, value) select 'schemas', coalesce(max(id), 0) from schemas`.execute(
      db,
    );

    const { rows } = await sql<{ n: number | string }>`select count(*) as n from schemas`.execute(
      db,
    );
    if (Number(rows[0]?.n ?? 0) > 0) await keepLegacyJsonDraft(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('id_marks').execute();
    for (const column of ['identity_version', 'json_draft', 'pcf_fingerprint']) {
      await db.schema.alterTable('schemas').dropColumn(column).execute();
    }
  },
};

/** Merges `jsonSchemaDefaultDraft: 2020-12` into the global config row (created if missing). */
async function keepLegacyJsonDraft(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ extra_json: string | null }>`
    select extra_json from configs where scope = 'global' and subject = ''`.execute(db);
  const row = rows[0];
  if (!row) {
    const extra = JSON.stringify({ jsonSchemaDefaultDraft: LEGACY_JSON_DEFAULT_DRAFT });
    await sql`insert into configs (scope, subject, compatibility_level, mode, extra_json)
      values ('global', '', null, null, ${extra})`.execute(db);
    return;
  }
  const parsed: unknown = row.extra_json === null ? {} : JSON.parse(row.extra_json);
  const extra =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  // An operator's explicit choice, should one exist already, wins over the legacy default.
  if (extra.jsonSchemaDefaultDraft !== undefined) return;
  const merged = JSON.stringify({ ...extra, jsonSchemaDefaultDraft: LEGACY_JSON_DEFAULT_DRAFT });
  await sql`update configs set extra_json = ${merged}
    where scope = 'global' and subject = ''`.execute(db);
}
