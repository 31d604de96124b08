import type { Kysely } from 'kysely';
import { toJsonText } from '../json-match.js';
import { normalizePage } from '../normalize-page.js';
import { StorageError } from '../storage-error.js';
import type { ResourceRecord } from '../types.js';
import { MAX_INT32 } from '../validate-register-input.js';
import type { Database, ResourcesTable } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/** Reads one resource. */
export async function getResourceSql<TDocument>(
  db: Kysely<Database>,
  kind: string,
  id: string,
): Promise<ResourceRecord<TDocument> | undefined> {
  const row = await db
    .selectFrom('resources')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toResourceRecord<TDocument>(row);
}

/** Lists the resources of a kind, ordered by id. */
export async function listResourcesSql<TDocument>(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  kind: string,
  options: { limit?: number; offset?: number },
): Promise<ResourceRecord<TDocument>[]> {
  const page = normalizePage(options);
  const query = db
    .selectFrom('resources')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy(adapter.orderByCodePoint('id'))
    // SQLite accepts OFFSET only after a LIMIT.
    .limit(page.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(page.offset);
  const rows = await query.execute();
  return rows.map((row) => toResourceRecord<TDocument>(row));
}

/**
 * Creates (expected version 0) or updates (expected = stored version) a resource with one
 * conditional statement, so two racing writers cannot both succeed.
 */
export async function putResourceSql<TDocument>(
  db: Kysely<Database>,
  input: { kind: string; id: string; document: TDocument; expectedVersion: number },
): Promise<ResourceRecord<TDocument>> {
  if (!isStorableVersion(input.expectedVersion)) throw conflict(input, undefined);
  const now = new Date().toISOString();
  const documentJson = toJsonText(input.document);
  const row =
    input.expectedVersion === 0
      ? await db
          .insertInto('resources')
          .values({
            kind: input.kind,
            id: input.id,
            document_json: documentJson,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
          .returningAll()
          .executeTakeFirst()
      : await db
          .updateTable('resources')
          .set((eb) => ({
            document_json: documentJson,
            version: eb('version', '+', 1),
            updated_at: now,
          }))
          .where('kind', '=', input.kind)
          .where('id', '=', input.id)
          .where('version', '=', input.expectedVersion)
          .returningAll()
          .executeTakeFirst();
  if (row) return toResourceRecord<TDocument>(row);
  const current = await db
    .selectFrom('resources')
    .select('version')
    .where('kind', '=', input.kind)
    .where('id', '=', input.id)
    .executeTakeFirst();
  throw conflict(input, current?.version ?? 0);
}

function isStorableVersion(version: number): boolean {
  return Number.isInteger(version) && version >= 0 && version <= MAX_INT32;
}

function conflict(
  input: { kind: string; id: string; expectedVersion: number },
  currentVersion: number | undefined,
): StorageError {
  const actual = currentVersion === undefined ? 'a different version' : `version ${currentVersion}`;
  return new StorageError(
    'VERSION_CONFLICT',
    `Resource ${input.kind}/${input.id} is at ${actual}, not ${input.expectedVersion}`,
    { kind: input.kind, id: input.id, expectedVersion: input.expectedVersion, currentVersion },
  );
}

/** Deletes a resource; false when there was none. */
export async function deleteResourceSql(
  db: Kysely<Database>,
  kind: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('resources')
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function toResourceRecord<TDocument>(row: ResourcesTable): ResourceRecord<TDocument> {
  return {
    kind: row.kind,
    id: row.id,
    document: JSON.parse(row.document_json) as TDocument,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
