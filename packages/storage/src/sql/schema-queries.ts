import type { Kysely } from 'kysely';
import type { SchemaRecord, SchemaReference, SchemaType } from '../types.js';
import type { Database } from './database.js';
import { toSchemaRecord } from './version-row.js';

/** Which schema row to read: by id, guid or content address. */
export type SchemaKey =
  | { id: number }
  | { guid: string }
  | { schemaType: SchemaType; fingerprint: string };

/** Reads one schema row. */
export async function getSchemaSql(
  db: Kysely<Database>,
  key: SchemaKey,
): Promise<SchemaRecord | undefined> {
  let query = db.selectFrom('schemas').selectAll();
  if ('id' in key) query = query.where('id', '=', key.id);
  else if ('guid' in key) query = query.where('guid', '=', key.guid);
  else {
    query = query
      .where('schema_type', '=', key.schemaType)
      .where('fingerprint', '=', key.fingerprint);
  }
  const row = await query.executeTakeFirst();
  return row && toSchemaRecord(row);
}

/** The references of a schema, in their declared order, from the edge table. */
export async function getDependenciesSql(
  db: Kysely<Database>,
  schemaId: number,
): Promise<SchemaReference[]> {
  const rows = await db
    .selectFrom('schema_references')
    .select(['ref_name', 'ref_subject', 'ref_version'])
    .where('schema_id', '=', schemaId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ name: r.ref_name, subject: r.ref_subject, version: r.ref_version }));
}

/** Schema rows, subjects with a live version, and live versions. */
export async function statsSql(
  db: Kysely<Database>,
): Promise<{ schemas: number; subjects: number; versions: number }> {
  const schemas = await db
    .selectFrom('schemas')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const live = await db
    .selectFrom('subject_versions')
    .select((eb) => [
      eb.fn.countAll().as('versions'),
      eb.fn.count('subject').distinct().as('subjects'),
    ])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  // PostgreSQL returns bigint counts as strings.
  return {
    schemas: Number(schemas.n),
    subjects: Number(live.subjects),
    versions: Number(live.versions),
  };
}
