import { randomUUID } from 'node:crypto';
import type { AuditResult, AuthRole } from '@llmsr/spec';
import type { Kysely } from 'kysely';
import type {
  ApiKeyQuery,
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  NewApiKey,
  NewAuditRecord,
} from '../auth-records.js';
import { normalizePage } from '../normalize-page.js';
import { StorageError } from '../storage-error.js';
import type { ApiKeysTable, AuditLogTable, Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/** Inserts a key; `ID_CONFLICT` when its id or basic user is taken (checked by the unique keys). */
export async function createApiKeySql(db: Kysely<Database>, key: NewApiKey): Promise<ApiKeyRecord> {
  const row = await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      name: key.name,
      role: key.role,
      subjects_json: JSON.stringify(key.subjects),
      basic_user: key.basicUser,
      secret_hash: key.secretHash,
      salt: key.salt,
      created_at: new Date().toISOString(),
      created_by: key.createdBy,
      revoked_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new StorageError('ID_CONFLICT', `API key ${key.id} or its basic user already exists`, {
      id: key.id,
    });
  }
  return toApiKey(row);
}

/** One key by id or basic user. */
export async function getApiKeySql(
  db: Kysely<Database>,
  match: { id: string } | { basicUser: string },
): Promise<ApiKeyRecord | undefined> {
  const query = db.selectFrom('api_keys').selectAll();
  const row = await ('id' in match
    ? query.where('id', '=', match.id)
    : query.where('basic_user', '=', match.basicUser)
  ).executeTakeFirst();
  return row && toApiKey(row);
}

/** Keys newest first, paged. */
export async function listApiKeysSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  query: ApiKeyQuery,
): Promise<{ total: number; items: ApiKeyRecord[] }> {
  const page = normalizePage(query);
  let base = db.selectFrom('api_keys');
  if (query.includeRevoked !== true) base = base.where('revoked_at', 'is', null);
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy(adapter.orderByCodePoint('id'), 'desc')
    .limit(page.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(page.offset)
    .execute();
  return { total: Number(counted?.n ?? 0), items: rows.map(toApiKey) };
}

/** Sets `revoked_at` on a live key; false when missing or already revoked. */
export async function revokeApiKeySql(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Appends one audit entry with a random id. */
export async function appendAuditSql(
  db: Kysely<Database>,
  entry: NewAuditRecord,
): Promise<AuditRecord> {
  const row: AuditLogTable = {
    id: randomUUID(),
    time: entry.time ?? new Date().toISOString(),
    principal: entry.principal,
    action: entry.action,
    subject: entry.subject,
    result: entry.result,
    client_address: entry.clientAddress,
    details_json: JSON.stringify(entry.details),
  };
  await db.insertInto('audit_log').values(row).execute();
  return toAudit(row);
}

/** Matching audit entries, newest first, paged. */
export async function listAuditSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  query: AuditQuery,
): Promise<{ total: number; items: AuditRecord[] }> {
  const page = normalizePage(query);
  let base = db.selectFrom('audit_log');
  if (query.principal !== undefined) base = base.where('principal', '=', query.principal);
  if (query.action !== undefined) base = base.where('action', '=', query.action);
  if (query.subject !== undefined) base = base.where('subject', '=', query.subject);
  if (query.result !== undefined) base = base.where('result', '=', query.result);
  if (query.since !== undefined) base = base.where('time', '>=', query.since);
  if (query.until !== undefined) base = base.where('time', '<', query.until);
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll()
    .orderBy('time', 'desc')
    .orderBy(adapter.orderByCodePoint('id'), 'desc')
    .limit(page.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(page.offset)
    .execute();
  return { total: Number(counted?.n ?? 0), items: rows.map(toAudit) };
}

/** Retention: deletes entries older than `before`. */
export async function deleteAuditBeforeSql(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('time', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toApiKey(row: ApiKeysTable): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as AuthRole,
    subjects: JSON.parse(row.subjects_json) as string[],
    basicUser: row.basic_user,
    secretHash: row.secret_hash,
    salt: row.salt,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
  };
}

function toAudit(row: AuditLogTable): AuditRecord {
  return {
    id: row.id,
    time: row.time,
    principal: row.principal,
    action: row.action,
    subject: row.subject,
    result: row.result as AuditResult,
    clientAddress: row.client_address,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
  };
}
