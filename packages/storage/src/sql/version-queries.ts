import type { Kysely } from 'kysely';
import type { SubjectVersionRecord, SubjectVersionWithSchema } from '../types.js';
import type { Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { selectVersionsWithSchema, toVersionRecord, toVersionWithSchema } from './version-row.js';

/** One version of a subject; soft-deleted only with `includeDeleted`. */
export async function getVersionSql(
  db: Kysely<Database>,
  subject: string,
  version: number,
  includeDeleted: boolean,
): Promise<SubjectVersionWithSchema | undefined> {
  let query = selectVersionsWithSchema(db)
    .where('sv.subject', '=', subject)
    .where('sv.version', '=', version);
  if (!includeDeleted) query = query.where('sv.deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && toVersionWithSchema(row);
}

/** The newest live version of a subject. */
export async function getLatestVersionSql(
  db: Kysely<Database>,
  subject: string,
): Promise<SubjectVersionWithSchema | undefined> {
  const row = await selectVersionsWithSchema(db)
    .where('sv.subject', '=', subject)
    .where('sv.deleted_at', 'is', null)
    .orderBy('sv.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersionWithSchema(row);
}

/** Subject names in code-point order. */
export async function listSubjectsSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  includeDeleted: boolean,
): Promise<string[]> {
  let query = db.selectFrom('subject_versions').select('subject').groupBy('subject');
  if (!includeDeleted) query = query.where('deleted_at', 'is', null);
  const rows = await query.orderBy(adapter.orderByCodePoint('subject')).execute();
  return rows.map((r) => r.subject);
}

/** The versions of one subject, oldest first. */
export async function listVersionsSql(
  db: Kysely<Database>,
  subject: string,
  includeDeleted: boolean,
): Promise<SubjectVersionWithSchema[]> {
  let query = selectVersionsWithSchema(db).where('sv.subject', '=', subject);
  if (!includeDeleted) query = query.where('sv.deleted_at', 'is', null);
  const rows = await query.orderBy('sv.version').execute();
  return rows.map(toVersionWithSchema);
}

/** Every subject version using a schema id, oldest first (ties by subject then version). */
export async function listVersionsBySchemaIdSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  schemaId: number,
  includeDeleted: boolean,
): Promise<SubjectVersionRecord[]> {
  let query = db
    .selectFrom('subject_versions as sv')
    .selectAll('sv')
    .where('sv.schema_id', '=', schemaId);
  if (!includeDeleted) query = query.where('sv.deleted_at', 'is', null);
  const rows = await query
    .orderBy('sv.created_at')
    .orderBy(adapter.orderByCodePoint('sv.subject'))
    .orderBy('sv.version')
    .execute();
  return rows.map(toVersionRecord);
}

/** Versions whose schema has a reference edge to (subject, version), by subject then version. */
export async function getDependentsSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  target: { subject: string; version: number },
  includeDeleted: boolean,
): Promise<SubjectVersionRecord[]> {
  let query = db
    .selectFrom('subject_versions as sv')
    .selectAll('sv')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('schema_references as r')
          .select('r.schema_id')
          .whereRef('r.schema_id', '=', 'sv.schema_id')
          .where('r.ref_subject', '=', target.subject)
          .where('r.ref_version', '=', target.version),
      ),
    );
  if (!includeDeleted) query = query.where('sv.deleted_at', 'is', null);
  const rows = await query
    .orderBy(adapter.orderByCodePoint('sv.subject'))
    .orderBy('sv.version')
    .execute();
  return rows.map(toVersionRecord);
}
