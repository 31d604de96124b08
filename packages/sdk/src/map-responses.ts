import {
  CompatibilityReport,
  CompileSignatureResponse,
  ConfigBody,
  EffectiveConfigBody,
  RegisterResponse,
  SchemaBody,
  SchemaVersionBody,
  SubjectList,
  ValidateDataResponse,
  ValidateSchemaResponse,
} from '@llmsr/spec/rest';
import type {
  CompatibilityResult,
  CompatibilityViolation,
  CompiledSignature,
  DataValidation,
  RegisteredSchema,
  RegistryConfig,
  SchemaById,
  SchemaValidation,
  SchemaVersion,
} from './client-types.js';
import { readResponse } from './read-response.js';
import { toCamelCase } from './to-camel-case.js';

// Each answer is checked against the `@llmsr/spec/rest` schema the server answers with (a
// mismatch is `INVALID_RESPONSE` naming the field), then mapped to camelCase. The mappers take
// the parsed wire type, so a field renamed on the wire fails to compile here.

/** Map a parsed subject version to camelCase. */
function fromVersionBody(body: SchemaVersionBody): SchemaVersion {
  return {
    id: body.id,
    guid: body.guid,
    subject: body.subject,
    version: body.version,
    semver: body.semver,
    schemaType: body.schema_type,
    schema: body.schema,
    fingerprint: body.fingerprint,
    references: body.references,
    metadata: body.metadata,
    compatibilityLevel: body.compatibility_level,
    createdAt: body.created_at,
    createdBy: body.created_by,
    deletedAt: body.deleted_at,
  };
}

/** Map a snake_case subject version. */
export function toSchemaVersion(raw: unknown): SchemaVersion {
  return fromVersionBody(readResponse(SchemaVersionBody, raw, 'schema version'));
}

/** Map a list of subject versions. */
export function toSchemaVersions(raw: unknown): SchemaVersion[] {
  return readResponse(SchemaVersionBody.array(), raw, 'version list').map(fromVersionBody);
}

/** Map the answer of a registration. */
export function toRegisteredSchema(raw: unknown): RegisteredSchema {
  const body = readResponse(RegisterResponse, raw, 'registration');
  return {
    ...fromVersionBody(body),
    created: body.created,
    ...(body.warnings === undefined
      ? {}
      : { warnings: toCamelCase(body.warnings) as RegisteredSchema['warnings'] }),
  };
}

/** Map a schema fetched by id or guid. */
export function toSchemaById(raw: unknown): SchemaById {
  const body = readResponse(SchemaBody, raw, 'schema');
  return {
    id: body.id,
    guid: body.guid,
    subject: body.subject,
    version: body.version,
    semver: body.semver,
    schemaType: body.schema_type,
    schema: body.schema,
    fingerprint: body.fingerprint,
    references: body.references,
    metadata: body.metadata,
    createdAt: body.created_at,
    versions: body.versions,
  };
}

/** Map a list of subject names. */
export function toSubjectList(raw: unknown): string[] {
  return readResponse(SubjectList, raw, 'subject list');
}

/** Map a data validation verdict. */
export function toDataValidation(raw: unknown): DataValidation {
  const body = readResponse(ValidateDataResponse, raw, 'validation result');
  return {
    valid: body.valid,
    schemaId: body.schema_id,
    errors: body.errors,
    warnings: body.warnings,
    validationTimeMs: body.validation_time_ms,
  };
}

/** Map one parsed violation to camelCase, every optional field present. */
function fromViolationBody(v: CompatibilityReport['violations'][number]): CompatibilityViolation {
  return {
    rule: v.rule,
    path: v.path,
    oldPath: v.old_path,
    message: v.message,
    severity: v.severity,
    direction: v.direction,
    comparedVersion: v.compared_version,
    fix: v.fix,
  };
}

/** Map a compatibility verdict. */
export function toCompatibilityResult(raw: unknown): CompatibilityResult {
  const body = readResponse(CompatibilityReport, raw, 'compatibility result');
  return {
    compatible: body.compatible,
    level: body.level,
    comparedVersions: body.compared_versions,
    violations: body.violations.map(fromViolationBody),
  };
}

/** Map a stored configuration (the answer of `PUT`): `null` for what it does not set. */
export function toStoredConfig(raw: unknown): RegistryConfig {
  const body = readResponse(ConfigBody, raw, 'config');
  return { subject: body.subject, compatibilityLevel: body.compatibility_level, mode: body.mode };
}

/** Map a configuration with the level and mode in force (the answer of `GET`). */
export function toEffectiveConfig(raw: unknown): RegistryConfig {
  const body = readResponse(EffectiveConfigBody, raw, 'config');
  return {
    subject: body.subject,
    compatibilityLevel: body.compatibility_level,
    mode: body.mode,
    effectiveCompatibilityLevel: body.effective_compatibility_level,
    effectiveMode: body.effective_mode,
  };
}

/** Map a schema validation verdict (absent locations and canonical forms read as null). */
export function toSchemaValidation(raw: unknown): SchemaValidation {
  const body = readResponse(ValidateSchemaResponse, raw, 'schema validation result');
  return {
    valid: body.valid,
    problems: body.problems.map((p) => ({
      path: p.path,
      message: p.message,
      line: p.line ?? null,
      column: p.column ?? null,
    })),
    fingerprint: body.fingerprint ?? null,
    canonical: body.canonical ?? null,
  };
}

/**
 * Map a compiled signature. The schemas are JSON Schemas whose keys are data (property names,
 * `$defs`), so they are passed as they are, not camelCased.
 */
export function toCompiledSignature(raw: unknown): CompiledSignature {
  const body = readResponse(CompileSignatureResponse, raw, 'compiled signature');
  return {
    name: body.name,
    instructions: body.instructions,
    inputSchema: body.input_schema,
    outputSchema: body.output_schema,
    fields: body.fields,
  };
}
