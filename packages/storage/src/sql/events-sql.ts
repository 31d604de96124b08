import type { Kysely } from 'kysely';
import { toJsonText } from '../json-match.js';
import { normalizePage } from '../normalize-page.js';
import type { NewEvent, StoredEvent } from '../schema-store.js';
import type { Database, EventsTable } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/**
 * Appends an event as max(id) + 1 inside the caller's write transaction, under the events lock
 * (so ids grow across processes and commit in id order), trims to `retain`, and notifies other
 * processes on commit. The event exists exactly when the caller's change commits.
 */
export async function appendEventInTransaction(
  trx: Kysely<Database>,
  adapter: SqlDialectAdapter,
  event: NewEvent,
  retain: number,
): Promise<StoredEvent> {
  await adapter.lockEvents(trx);
  const last = await trx
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  const row: EventsTable = {
    id: Number(last?.max ?? 0) + 1,
    type: event.type,
    payload_json: toJsonText(event.payload),
    created_at: new Date().toISOString(),
  };
  await trx.insertInto('events').values(row).execute();
  await trx
    .deleteFrom('events')
    .where('id', '<=', row.id - retain)
    .execute();
  await adapter.notifyEvents(trx);
  return toStoredEvent(row);
}

/** Appends an event on its own (a transaction of its own, no subject lock). */
export async function appendEventSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  event: NewEvent,
  retain: number,
): Promise<StoredEvent> {
  return adapter.writeTransaction(db, null, (trx) =>
    appendEventInTransaction(trx, adapter, event, retain),
  );
}

/** Events above `afterId`, oldest first. */
export async function listEventsSql(
  db: Kysely<Database>,
  options: { afterId?: number; limit?: number },
): Promise<StoredEvent[]> {
  const page = normalizePage({ limit: options.limit ?? 1_000 });
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '>', afterIdOf(options.afterId))
    .orderBy('id')
    .limit(page.limit ?? 1_000)
    .execute();
  return rows.map(toStoredEvent);
}

/** A finite, safe integer cursor (PostgreSQL rejects `1e+300` for a bigint). */
function afterIdOf(afterId: number | undefined): number {
  if (afterId === undefined || !Number.isFinite(afterId)) return 0;
  return Math.max(0, Math.floor(Math.min(afterId, Number.MAX_SAFE_INTEGER)));
}

function toStoredEvent(row: EventsTable): StoredEvent {
  return {
    id: Number(row.id),
    type: row.type,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}
