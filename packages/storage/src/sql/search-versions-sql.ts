import type { Kysely } from 'kysely';
import { normalizePage } from '../normalize-page.js';
import type { SearchQuery } from '../schema-store.js';
import type { SubjectVersionWithSchema } from '../types.js';
import type { Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { selectVersionsWithSchema, toVersionWithSchema } from './version-row.js';

/** Filters versions (see {@link SearchQuery}), ordered by subject then version, with the total. */
export async function searchVersionsSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  query: SearchQuery,
): Promise<{ total: number; items: SubjectVersionWithSchema[] }> {
  let filtered = selectVersionsWithSchema(db);
  if (!query.includeDeleted) filtered = filtered.where('sv.deleted_at', 'is', null);
  if (query.subject !== undefined)
    filtered = filtered.where(adapter.subjectContains(query.subject));
  if (query.schemaType !== undefined)
    filtered = filtered.where('s.schema_type', '=', query.schemaType);
  if (query.metadata !== undefined) {
    const { key, value } = query.metadata;
    const valueJson = value === undefined ? undefined : (JSON.stringify(value) ?? 'null');
    filtered = filtered.where(adapter.metadataMatches(key, valueJson));
  }
  if (query.tag !== undefined) filtered = filtered.where(adapter.metadataHasTag(query.tag));

  const { total } = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirstOrThrow();
  const page = normalizePage(query);
  const rows = await filtered
    .orderBy(adapter.orderByCodePoint('sv.subject'))
    .orderBy('sv.version')
    // SQLite accepts OFFSET only after a LIMIT.
    .limit(page.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(page.offset)
    .execute();
  return { total: Number(total), items: rows.map(toVersionWithSchema) };
}
