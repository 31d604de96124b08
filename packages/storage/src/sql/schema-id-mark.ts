import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

/** The `id_marks` row of schema ids. */
const SCHEMA_MARK = 'schemas';

/**
 * The next schema id: one above the high-water mark (or above the largest stored id, should a
 * row have been written around the mark), which is raised to it in the same statement. Call
 * under the schema-id lock.
 */
export async function allocateSchemaId(trx: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ value: number | string }>`
    update id_marks set value = 1 + (
      select max(v) from (
        select value as v from id_marks where name = ${SCHEMA_MARK}
        union all
        select coalesce(max(id), 0) as v from schemas
      ) candidates
    )
    where name = ${SCHEMA_MARK}
    returning value`.execute(trx);
  const allocated = rows[0];
  if (allocated) return Number(allocated.value);
  // The mark row is missing (removed by hand): start it again above the stored ids.
  const stored = await trx
    .selectFrom('schemas')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const next = Number(stored?.max ?? 0) + 1;
  await raiseSchemaIdMark(trx, next);
  return next;
}

/** Raises the high-water mark to `id` when it is lower (an import chose that id). */
export async function raiseSchemaIdMark(trx: Kysely<Database>, id: number): Promise<void> {
  await trx
    .insertInto('id_marks')
    .values({ name: SCHEMA_MARK, value: id })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        value: sql<number>`case when id_marks.value < excluded.value then excluded.value else id_marks.value end`,
      }),
    )
    .execute();
}
