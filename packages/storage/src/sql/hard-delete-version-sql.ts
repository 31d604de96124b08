import type { Kysely } from 'kysely';
import { StorageError } from '../storage-error.js';
import type { Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/**
 * Permanently deletes a soft-deleted version inside the subject's write transaction, and its
 * schema row (with the reference edges) once no version uses it.
 */
export async function hardDeleteVersionSql(
  trx: Kysely<Database>,
  adapter: SqlDialectAdapter,
  subject: string,
  version: number,
): Promise<boolean> {
  const row = await trx
    .selectFrom('subject_versions')
    .select(['schema_id', 'deleted_at'])
    .where('subject', '=', subject)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return false;
  if (row.deleted_at === null) {
    throw new StorageError('NOT_SOFT_DELETED', `Version ${version} must be soft-deleted first`, {
      subject,
      version,
    });
  }
  // Taken before the REFERENCED check: a registration inserting reference edges holds this lock,
  // so one that committed first is seen here, and none can add edges until this commits.
  await adapter.lockSchemaIds(trx);
  const dependents = await trx
    .selectFrom('schema_references as r')
    .innerJoin('subject_versions as sv', 'sv.schema_id', 'r.schema_id')
    .select(['sv.subject', 'sv.version'])
    .where('r.ref_subject', '=', subject)
    .where('r.ref_version', '=', version)
    .where('sv.deleted_at', 'is', null)
    .limit(100)
    .execute();
  if (dependents.length > 0) {
    throw new StorageError('REFERENCED', `Version ${version} is referenced by live versions`, {
      subject,
      version,
      dependents,
    });
  }
  await trx
    .deleteFrom('subject_versions')
    .where('subject', '=', subject)
    .where('version', '=', version)
    .execute();
  // Still under the id lock, so a registration cannot reuse this schema row while it is removed.
  const stillUsed = await trx
    .selectFrom('subject_versions')
    .select('version')
    .where('schema_id', '=', row.schema_id)
    .limit(1)
    .executeTakeFirst();
  if (!stillUsed) {
    await trx.deleteFrom('schema_references').where('schema_id', '=', row.schema_id).execute();
    await trx.deleteFrom('schemas').where('id', '=', row.schema_id).execute();
  }
  return true;
}
