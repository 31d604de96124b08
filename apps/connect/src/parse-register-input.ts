import type { RegisterSchemaInput } from '@llmsr/core';
import type { RegisterSchemaRequest, SchemaReference } from '@llmsr/proto';
import { fromProtoLevel } from './map-compatibility-level.js';
import { fromProtoSchemaType } from './map-schema-type.js';

/**
 * The registry input of a `RegisterSchemaRequest`. Only the proto-specific parts are checked
 * here (enum numbers); subject, schema, metadata and references are checked by the registry.
 */
export function parseRegisterInput(request: RegisterSchemaRequest): RegisterSchemaInput {
  return {
    subject: request.subject,
    schema: request.schema,
    schemaType: fromProtoSchemaType(request.schemaType, 'schema_type'),
    compatibilityLevel: fromProtoLevel(request.compatibilityLevel, 'compatibility_level'),
    metadata: request.metadata,
    references: parseReferences(request.references),
    semver: request.semver === '' ? undefined : request.semver,
  };
}

/** Plain `{ name, subject, version }` objects, the shape the registry checks. */
export function parseReferences(references: readonly SchemaReference[]) {
  return references.map((r) => ({ name: r.name, subject: r.subject, version: r.version }));
}
