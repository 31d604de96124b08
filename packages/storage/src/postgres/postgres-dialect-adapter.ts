import { sql } from 'kysely';
import type { SqlDialectAdapter } from '../sql/sql-dialect-adapter.js';
import { StorageError } from '../storage-error.js';
import { EVENTS_CHANNEL } from './postgres-change-feed.js';

/** First key of every advisory lock this package takes ("llms"), so it never meets others'. */
const LOCK_NAMESPACE = 0x6c6c6d73;
/** Second key of the schema-id allocation lock; subject locks use `hashtext(subject)`... */
const SCHEMA_ID_LOCK = 0;
/** Second key of the event-id allocation lock. */
const EVENTS_LOCK = 1;
/** ...in their own namespace, so a subject whose hash is 0 does not share the id lock. */
const SUBJECT_LOCK_NAMESPACE = LOCK_NAMESPACE + 1;

/** The PostgreSQL side of the shared SQL layer: advisory transaction locks and jsonb filters. */
export const postgresDialectAdapter: SqlDialectAdapter = {
  backend: 'postgres',

  async writeTransaction(db, subject, work) {
    return db.transaction().execute(async (trx) => {
      if (subject !== null) {
        await sql`select pg_advisory_xact_lock(${sql.lit(SUBJECT_LOCK_NAMESPACE)}, hashtext(${subject}))`.execute(
          trx,
        );
      }
      return work(trx);
    });
  },

  async lockSchemaIds(trx) {
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_NAMESPACE)}, ${sql.lit(SCHEMA_ID_LOCK)})`.execute(
      trx,
    );
  },

  async lockEvents(trx) {
    await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_NAMESPACE)}, ${sql.lit(EVENTS_LOCK)})`.execute(
      trx,
    );
  },

  async notifyEvents(trx) {
    // Delivered when (and only if) the transaction commits.
    await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(trx);
  },

  subjectContains(needle) {
    return sql`strpos(lower(${sql.ref('sv.subject')}), lower(${needle})) > 0`;
  },

  metadataMatches(key, valueJson) {
    const value = sql`${metadataJsonb()} -> ${key}::text`;
    return valueJson === undefined
      ? sql`(${value}) is not null`
      : sql`(${value}) = replace(${valueJson}::text, '\\u0000', '\\ufffd')::jsonb`;
  },

  metadataHasTag(tag) {
    const tags = sql`${metadataJsonb()} -> 'tags'`;
    return sql`(jsonb_typeof(${tags}) = 'array' and (${tags}) @> jsonb_build_array(${tag}::text))`;
  },

  orderByCodePoint(column) {
    return sql`${sql.ref(column)} collate "C"`;
  },

  translateError(error) {
    if (error instanceof StorageError || error === null || typeof error !== 'object') return error;
    const { code, message, constraint } = error as {
      code?: unknown;
      message?: unknown;
      constraint?: unknown;
    };
    const text = typeof message === 'string' ? message : String(error);
    if (code === '23505') {
      return typeof constraint === 'string' && constraint.startsWith('schemas_')
        ? new StorageError('ID_CONFLICT', text, { constraint })
        : new StorageError('VERSION_CONFLICT', text, { constraint });
    }
    if (isConnectionFailure(code, text)) {
      return new StorageError('UNAVAILABLE', `PostgreSQL is unavailable: ${text}`, {
        cause: typeof code === 'string' ? code : undefined,
      });
    }
    return error;
  },
};

/**
 * The metadata column as jsonb. `\u0000` escapes are legal JSON text but jsonb rejects them, so
 * they are swapped for U+FFFD first: one such row must not break every metadata search.
 */
function metadataJsonb() {
  return sql`replace(${sql.ref('sv.metadata_json')}, '\\u0000', '\\ufffd')::jsonb`;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
]);

function isConnectionFailure(code: unknown, message: string): boolean {
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // 08: connection exception, 28: authentication, 3D000: no such database,
    // 57P01-57P03: shutdown or not accepting connections, 53300: too many connections.
    if (code.startsWith('08') || code.startsWith('28') || code === '3D000') return true;
    if (code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(
    message,
  );
}
