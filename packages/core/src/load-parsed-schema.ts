import type { SchemaRecord } from '@llmsr/storage';
import type { ParsedSchema } from '@llmsr/validation';
import { parseSchemaOrThrow } from './parse-schema-or-throw.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';
import { resolveReferences } from './resolve-references.js';

/** A schema by global id, from the cache or the store. */
export async function loadSchemaRecord(
  context: RegistryContext,
  id: number,
): Promise<SchemaRecord | undefined> {
  const cached = context.schemas.get(id);
  if (cached) return cached;
  const record = await context.store.getSchemaById(id);
  if (record) context.schemas.set(id, record);
  return record;
}

/**
 * A stored schema parsed with its references, cached by id (stored content is immutable). A JSON
 * Schema is read under the draft recorded at its registration, so changing the default draft
 * never changes how stored schemas validate; rows from before drafts were recorded were read
 * under 2020-12, and keep it.
 */
export async function loadParsedSchema(
  context: RegistryContext,
  record: SchemaRecord,
): Promise<ParsedSchema> {
  const cached = context.parsed.get(record.id);
  if (cached) return cached;
  const references = await resolveReferences(context.store, record.references);
  const parsed = parseSchemaOrThrow(context.formats, record.schemaType, record.schema, references, {
    defaultJsonDraft: record.jsonDraft ?? '2020-12',
  });
  context.parsed.set(record.id, parsed);
  return parsed;
}

/** {@link loadSchemaRecord} that throws `SCHEMA_NOT_FOUND`. */
export async function loadSchemaRecordOrThrow(
  context: RegistryContext,
  id: number,
): Promise<SchemaRecord> {
  const record = await loadSchemaRecord(context, id);
  if (!record) throw new RegistryError('SCHEMA_NOT_FOUND', `Schema ${id} not found`, { id });
  return record;
}
