import type { Kysely } from 'kysely';
import { toJsonText } from '../json-match.js';
import { normalizePage } from '../normalize-page.js';
import type { StoredEvent } from '../schema-store.js';
import type { Database, EventsTable } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/** Lock key of the event log; a subject of that name merely shares the lock. */
const EVENTS_LOCK = 'llmsr:events-log';

/** Appends an event as max(id) + 1 under a cross-process lock, then trims to `retain`. */
export async function appendEventSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  event: { type: string; payload: Record<string, unknown> },
  retain: number,
): Promise<StoredEvent> {
  return adapter.writeTransaction(db, EVENTS_LOCK, async (trx) => {
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
    return toStoredEvent(row);
  });
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
