import { contentGuid } from '../content-guid.js';
import { toJsonValue } from '../json-match.js';
import type { RegisterVersionInput } from '../schema-store.js';
import { toReference } from '../to-reference.js';
import type { ConfigRecord, SchemaRecord, SchemaType, SubjectVersionRecord } from '../types.js';

/** A stored version; metadata is kept as JSON text so reads behave like the SQL backends. */
export interface StoredVersion extends Omit<SubjectVersionRecord, 'metadata'> {
  metadataJson: string | null;
}

/** Largest number of a key set, 0 when empty (no argument spreading: sets can be large). */
export function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The content address of a schema as one map key. */
export function keyOf(schemaType: SchemaType, fingerprint: string): string {
  return `${schemaType}\n${fingerprint}`;
}

/** Parses stored metadata JSON. */
export function parseMetadata(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

/** The port's record of a stored version (a fresh object). */
export function toRecord(stored: StoredVersion): SubjectVersionRecord {
  const { metadataJson, ...rest } = stored;
  return { ...rest, metadata: parseMetadata(metadataJson) };
}

/** A copy callers may mutate without touching the store. */
export function copySchema(schema: SchemaRecord): SchemaRecord {
  return { ...schema, references: schema.references.map((r) => ({ ...r })) };
}

/** Drops unset fields and round-trips `extra` through JSON, as the SQL backends do. */
export function copyConfig(config: ConfigRecord): ConfigRecord {
  const copy: ConfigRecord = { subject: config.subject };
  if (config.compatibilityLevel !== undefined) copy.compatibilityLevel = config.compatibilityLevel;
  if (config.mode !== undefined) copy.mode = config.mode;
  if (config.extra !== undefined) copy.extra = toJsonValue(config.extra) as Record<string, unknown>;
  return copy;
}

/** The schema row a registration of new content stores. */
export function newSchemaRecord(
  input: RegisterVersionInput,
  id: number,
  now: string,
): SchemaRecord {
  const { schema } = input;
  return {
    id,
    guid: contentGuid(schema.schemaType, schema.fingerprint),
    schemaType: schema.schemaType,
    fingerprint: schema.fingerprint,
    canonical: schema.canonical,
    schema: schema.schema,
    references: schema.references.map(toReference),
    pcfFingerprint: schema.pcfFingerprint ?? null,
    jsonDraft: schema.jsonDraft ?? null,
    createdAt: now,
  };
}
