import { type Kysely, sql } from 'kysely';
import { assertIdLeft, MAX_INT32 } from '../validate-register-input.js';
import type { Database } from './database.js';

/** The `id_marks` row of schema ids. */
const SCHEMA_MARK = 'schemas';

/**
 * The next schema id: one above the high-water mark (or above the largest stored id, should a
 * row have been written around the mark), which is raised to it in the same statement. Call
 * under the schema-id lock.
 */
export async function allocateSchemaId(trx: Kysely<Database>): Promise<number> {
  const highest = sql`(
    select max(v) from (
      select value as v from id_marks where name = ${SCHEMA_MARK}
      union all
      select coalesce(max(id), 0) as v from schemas
    ) candidates
  )`;
  // Guarded, so an exhausted id space is an error of ours, not an integer overflow of the driver.
  const { rows } = await sql<{ value: number | string }>`
    update id_marks set value = 1 + ${highest}
    where name = ${SCHEMA_MARK} and ${highest} < ${MAX_INT32}
    returning value`.execute(trx);
  const allocated = rows[0];
  if (allocated) return Number(allocated.value);
  // The mark row is missing (removed by hand) or at the end of the id space.
  const mark = await trx
    .selectFrom('id_marks')
    .select('value')
    .where('name', '=', SCHEMA_MARK)
    .executeTakeFirst();
  const stored = await trx
    .selectFrom('schemas')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const next = Math.max(Number(mark?.value ?? 0), Number(stored?.max ?? 0)) + 1;
  assertIdLeft(next);
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
