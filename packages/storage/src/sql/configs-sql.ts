import type { Kysely } from 'kysely';
import { toJsonText } from '../json-match.js';
import type { CompatibilityLevel, ConfigRecord, RegistryMode } from '../types.js';
import type { ConfigsTable, Database } from './database.js';

/** Reads the config of a subject, or the global one for `null`. */
export async function getConfigSql(
  db: Kysely<Database>,
  subject: string | null,
): Promise<ConfigRecord | undefined> {
  const row = await db
    .selectFrom('configs')
    .selectAll()
    .where('scope', '=', scopeOf(subject))
    .where('subject', '=', subject ?? '')
    .executeTakeFirst();
  return row && toConfigRecord(row);
}

/** Replaces the config row (an upsert on both dialects). */
export async function setConfigSql(
  db: Kysely<Database>,
  config: ConfigRecord,
): Promise<ConfigRecord> {
  const values = {
    compatibility_level: config.compatibilityLevel ?? null,
    mode: config.mode ?? null,
    extra_json: config.extra === undefined ? null : toJsonText(config.extra),
  };
  const row = await db
    .insertInto('configs')
    .values({ scope: scopeOf(config.subject), subject: config.subject ?? '', ...values })
    .onConflict((oc) => oc.columns(['scope', 'subject']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConfigRecord(row);
}

/** Deletes a config row; false when there was none. */
export async function deleteConfigSql(
  db: Kysely<Database>,
  subject: string | null,
): Promise<boolean> {
  const result = await db
    .deleteFrom('configs')
    .where('scope', '=', scopeOf(subject))
    .where('subject', '=', subject ?? '')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function scopeOf(subject: string | null): ConfigsTable['scope'] {
  return subject === null ? 'global' : 'subject';
}

function toConfigRecord(row: ConfigsTable): ConfigRecord {
  const config: ConfigRecord = { subject: row.scope === 'global' ? null : row.subject };
  if (row.compatibility_level !== null) {
    config.compatibilityLevel = row.compatibility_level as CompatibilityLevel;
  }
  if (row.mode !== null) config.mode = row.mode as RegistryMode;
  if (row.extra_json !== null) config.extra = JSON.parse(row.extra_json);
  return config;
}
