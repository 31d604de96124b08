import type { SchemaVersionView, SchemaView } from '@llmsr/core';
import type { SchemaBody, SchemaVersionBody } from '@llmsr/spec/rest';

/** The schema as the native API shows it: a JSON value for JSON Schema and Avro, text for Protobuf. */
export function schemaValue(schemaType: string, text: string): SchemaVersionBody['schema'] {
  if (schemaType === 'PROTOBUF') return text;
  try {
    return JSON.parse(text) as SchemaVersionBody['schema'];
  } catch {
    return text;
  }
}

/** snake_case body of a subject version. */
export function toVersionResponse(view: SchemaVersionView): SchemaVersionBody {
  return {
    id: view.id,
    guid: view.guid,
    subject: view.subject,
    version: view.version,
    semver: view.semver,
    schema_type: view.schemaType,
    schema: schemaValue(view.schemaType, view.schema),
    fingerprint: view.fingerprint,
    references: view.references,
    metadata: view.metadata,
    compatibility_level: view.compatibilityLevel,
    created_at: view.createdAt,
    created_by: view.createdBy,
    deleted_at: view.deletedAt,
  };
}

/** snake_case body of a schema by id: its content, first live version and every use. */
export function toSchemaResponse(view: SchemaView): SchemaBody {
  const first = view.firstVersion;
  return {
    id: view.id,
    guid: view.guid,
    subject: first?.subject ?? null,
    version: first?.version ?? null,
    semver: first?.semver ?? null,
    schema_type: view.schemaType,
    schema: schemaValue(view.schemaType, view.schema),
    fingerprint: view.fingerprint,
    references: view.references,
    metadata: first?.metadata ?? null,
    created_at: view.createdAt,
    versions: view.versions,
  };
}
