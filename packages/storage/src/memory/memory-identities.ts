import type { SchemaRecord } from '../types.js';
import {
  type ComputeSchemaIdentity,
  CURRENT_IDENTITY_VERSION,
} from '../upgrade-schema-identities.js';
import { validateSchemaIdentity } from '../validate-schema-identity.js';
import { copySchema, keyOf } from './memory-records.js';

/** The memory store's maps that `upgradeSchemaIdentities` rewrites. */
export interface MemoryIdentityTables {
  schemas: Map<number, SchemaRecord>;
  schemaIdByContent: Map<string, number>;
  identityVersions: Map<number, number>;
}

/**
 * `upgradeSchemaIdentities` for the memory store, with the SQL backends' semantics: rows below
 * `target` in id order, a row whose new fingerprint is taken skipped, passes repeated while they
 * both change and skip rows. Each row is re-read after `compute` settles, since a delete or a
 * concurrent upgrade may have changed it meanwhile.
 */
export async function upgradeMemoryIdentities(
  tables: MemoryIdentityTables,
  compute: ComputeSchemaIdentity,
  target: number,
): Promise<number> {
  const versionOf = (id: number) => tables.identityVersions.get(id) ?? CURRENT_IDENTITY_VERSION;
  let total = 0;
  for (;;) {
    let changed = 0;
    let skipped = 0;
    const ids = [...tables.schemas.keys()].filter((id) => versionOf(id) < target);
    for (const id of ids.sort((a, b) => a - b)) {
      const schema = tables.schemas.get(id);
      if (!schema) continue;
      const identity = validateSchemaIdentity(await compute(copySchema(schema)), id);
      if (tables.schemas.get(id) !== schema || versionOf(id) >= target) continue;
      const newKey = keyOf(schema.schemaType, identity.fingerprint);
      const holder = tables.schemaIdByContent.get(newKey);
      if (holder !== undefined && holder !== id) {
        skipped += 1;
        continue;
      }
      tables.schemaIdByContent.delete(keyOf(schema.schemaType, schema.fingerprint));
      tables.schemas.set(id, {
        ...schema,
        fingerprint: identity.fingerprint,
        canonical: identity.canonical,
        pcfFingerprint: identity.pcfFingerprint ?? null,
        jsonDraft: identity.jsonDraft ?? null,
      });
      tables.schemaIdByContent.set(newKey, id);
      tables.identityVersions.set(id, target);
      changed += 1;
    }
    total += changed;
    if (changed === 0 || skipped === 0) return total;
  }
}
