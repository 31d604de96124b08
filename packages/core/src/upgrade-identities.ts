import {
  type SchemaIdentity,
  type SchemaRecord,
  type SchemaStore,
  StorageError,
} from '@llmsr/storage';
import { resolveReferences } from './resolve-references.js';
import type { SchemaFormats } from './schema-formats.js';

/**
 * The JSON Schema draft a schema without `$schema` was read under before the default became a
 * setting: rows stored then keep meaning what they meant.
 */
const DRAFT_OF_STORED_ROWS = '2020-12';

/**
 * The current identity of a stored schema, for `SchemaStore.upgradeSchemaIdentities`: parsed
 * again with its references (soft-deleted ones too) under the draft it was stored under.
 *
 * A row that no longer parses (or whose references are gone) keeps the identity it has: the
 * upgrade must not stop a registry from starting over one bad row, and that row is still
 * served by its id. A storage failure is thrown (the upgrade is retried at the next start).
 */
export async function computeSchemaIdentity(
  store: SchemaStore,
  record: SchemaRecord,
  formats: Pick<SchemaFormats, 'formatOf'>,
): Promise<SchemaIdentity> {
  try {
    const references = await resolveReferences(store, record.references, {
      includeDeleted: true,
    });
    const parsed = formats.formatOf(record.schemaType).parse(record.schema, {
      references,
      defaultJsonDraft: record.jsonDraft ?? DRAFT_OF_STORED_ROWS,
    });
    return {
      fingerprint: parsed.fingerprint,
      canonical: parsed.canonical,
      pcfFingerprint: parsed.pcfFingerprint ?? null,
      jsonDraft: parsed.jsonDraft ?? null,
    };
  } catch (error) {
    if (error instanceof StorageError) throw error;
    return {
      fingerprint: record.fingerprint,
      canonical: record.canonical,
      pcfFingerprint: record.pcfFingerprint ?? null,
      jsonDraft: record.jsonDraft ?? null,
    };
  }
}

/** Bring every stored schema to the current identity rules; returns how many rows changed. */
export function upgradeSchemaIdentities(
  store: SchemaStore,
  formats: Pick<SchemaFormats, 'formatOf'>,
): Promise<number> {
  return store.upgradeSchemaIdentities((record) => computeSchemaIdentity(store, record, formats));
}
