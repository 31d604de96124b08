import type { Kysely } from 'kysely';
import type { SchemaType } from '../types.js';
import type { ComputeSchemaIdentity, SchemaIdentity } from '../upgrade-schema-identities.js';
import { validateSchemaIdentity } from '../validate-schema-identity.js';
import type { Database } from './database.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { toSchemaRecord } from './version-row.js';

/** Runs one database step (translating driver errors); `compute` is never run through it. */
export type DatabaseStep = <T>(step: () => Promise<T>) => Promise<T>;

/** Rows recomputed per write transaction: short lock holds, few round-trips. */
const BATCH = 200;

/**
 * `SchemaStore.upgradeSchemaIdentities` on SQL: reads rows below `target` in id order, computes
 * their identities outside any transaction (compute may be slow or async), then writes a batch
 * under the schema-id lock, each update guarded by `identity_version < target` so a second
 * process doing the same never double-counts. A row whose new fingerprint is taken is skipped;
 * passes repeat while they both change and skip rows, since a skipped row may be freed by
 * another row's upgrade.
 */
export async function upgradeSchemaIdentitiesSql(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  compute: ComputeSchemaIdentity,
  target: number,
  run: DatabaseStep,
): Promise<number> {
  let total = 0;
  for (;;) {
    const pass = await upgradePass(db, adapter, compute, target, run);
    total += pass.changed;
    if (pass.changed === 0 || pass.skipped === 0) return total;
  }
}

async function upgradePass(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  compute: ComputeSchemaIdentity,
  target: number,
  run: DatabaseStep,
): Promise<{ changed: number; skipped: number }> {
  let afterId = 0;
  let changed = 0;
  let skipped = 0;
  for (;;) {
    const rows = await run(() =>
      db
        .selectFrom('schemas')
        .selectAll()
        .where('identity_version', '<', target)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    );
    const last = rows.at(-1);
    if (!last) return { changed, skipped };
    afterId = last.id;
    const batch: { id: number; schemaType: SchemaType; identity: SchemaIdentity }[] = [];
    for (const row of rows) {
      const record = toSchemaRecord(row);
      const identity = validateSchemaIdentity(await compute(record), record.id);
      batch.push({ id: row.id, schemaType: record.schemaType, identity });
    }
    const result = await run(() => writeBatch(db, adapter, batch, target));
    changed += result.written;
    skipped += result.clashes;
  }
}

async function writeBatch(
  db: Kysely<Database>,
  adapter: SqlDialectAdapter,
  batch: { id: number; schemaType: SchemaType; identity: SchemaIdentity }[],
  target: number,
): Promise<{ written: number; clashes: number }> {
  return adapter.writeTransaction(db, null, async (trx) => {
    await adapter.lockSchemaIds(trx);
    let written = 0;
    let clashes = 0;
    for (const { id, schemaType, identity } of batch) {
      const clash = await trx
        .selectFrom('schemas')
        .select('id')
        .where('schema_type', '=', schemaType)
        .where('fingerprint', '=', identity.fingerprint)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (clash) {
        clashes += 1;
        continue;
      }
      const update = await trx
        .updateTable('schemas')
        .set({
          fingerprint: identity.fingerprint,
          canonical: identity.canonical,
          pcf_fingerprint: identity.pcfFingerprint ?? null,
          json_draft: identity.jsonDraft ?? null,
          identity_version: target,
        })
        .where('id', '=', id)
        .where('identity_version', '<', target)
        .executeTakeFirst();
      written += Number(update.numUpdatedRows);
    }
    return { written, clashes };
  });
}
