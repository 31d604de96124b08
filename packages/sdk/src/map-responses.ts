import { isSchemaType } from '@llmsr/spec';
import type {
  CompatibilityResult,
  DataValidation,
  RegisteredSchema,
  RegistryConfig,
  SchemaById,
  SchemaReference,
  SchemaType,
  SchemaValidation,
  SchemaVersion,
} from './client-types.js';
import { toViolation } from './error-from-response.js';
import {
  asArray,
  asObject,
  bool,
  int,
  intOrNull,
  type JsonObject,
  str,
  strOrNull,
} from './read-fields.js';
import { RegistryClientError } from './registry-client-error.js';

function schemaTypeOf(body: JsonObject, what: string): SchemaType {
  const value = body.schema_type;
  if (isSchemaType(value)) return value;
  throw new RegistryClientError(
    'INVALID_RESPONSE',
    `The server's ${what} has an unknown schema_type ${JSON.stringify(value)}`,
    undefined,
    { field: 'schema_type' },
  );
}

function referencesOf(body: JsonObject, what: string): SchemaReference[] {
  const raw = body.references;
  if (raw === undefined || raw === null) return [];
  return asArray(raw, `${what} references`).map((item) => {
    const ref = asObject(item, `${what} reference`);
    return {
      name: str(ref, 'name', what),
      subject: str(ref, 'subject', what),
      version: int(ref, 'version', what),
    };
  });
}

/** Map a snake_case subject version. */
export function toSchemaVersion(raw: unknown): SchemaVersion {
  const what = 'schema version';
  const body = asObject(raw, what);
  return {
    id: int(body, 'id', what),
    guid: str(body, 'guid', what),
    subject: str(body, 'subject', what),
    version: int(body, 'version', what),
    semver: strOrNull(body, 'semver', what),
    schemaType: schemaTypeOf(body, what),
    schema: body.schema,
    fingerprint: str(body, 'fingerprint', what),
    references: referencesOf(body, what),
    metadata: body.metadata ?? null,
    compatibilityLevel: strOrNull(body, 'compatibility_level', what),
    createdAt: str(body, 'created_at', what),
    createdBy: strOrNull(body, 'created_by', what),
    deletedAt: strOrNull(body, 'deleted_at', what),
  };
}

/** Map the answer of a registration. */
export function toRegisteredSchema(raw: unknown): RegisteredSchema {
  return {
    ...toSchemaVersion(raw),
    created: bool(asObject(raw, 'registration'), 'created', 'registration'),
  };
}

/** Map a schema fetched by id or guid. */
export function toSchemaById(raw: unknown): SchemaById {
  const what = 'schema';
  const body = asObject(raw, what);
  const versions = asArray(body.versions ?? [], `${what} versions`).map((item) => {
    const v = asObject(item, `${what} version`);
    return {
      subject: str(v, 'subject', what),
      version: int(v, 'version', what),
      deleted: v.deleted === true,
    };
  });
  return {
    id: int(body, 'id', what),
    guid: str(body, 'guid', what),
    subject: strOrNull(body, 'subject', what),
    version: intOrNull(body, 'version', what),
    semver: strOrNull(body, 'semver', what),
    schemaType: schemaTypeOf(body, what),
    schema: body.schema,
    fingerprint: str(body, 'fingerprint', what),
    references: referencesOf(body, what),
    metadata: body.metadata ?? null,
    createdAt: str(body, 'created_at', what),
    versions,
  };
}

/** Map a data validation verdict. */
export function toDataValidation(raw: unknown): DataValidation {
  const what = 'validation result';
  const body = asObject(raw, what);
  const errors = asArray(body.errors ?? [], `${what} errors`).map((item) => {
    const e = asObject(item, `${what} error`);
    return {
      path: str(e, 'path', what),
      keyword: str(e, 'keyword', what),
      message: str(e, 'message', what),
    };
  });
  const warnings = asArray(body.warnings ?? [], `${what} warnings`).map(String);
  const time = body.validation_time_ms;
  return {
    valid: bool(body, 'valid', what),
    schemaId: intOrNull(body, 'schema_id', what),
    errors,
    warnings,
    validationTimeMs: typeof time === 'number' ? time : 0,
  };
}

/** Map a compatibility verdict. */
export function toCompatibilityResult(raw: unknown): CompatibilityResult {
  const what = 'compatibility result';
  const body = asObject(raw, what);
  return {
    compatible: bool(body, 'compatible', what),
    level: str(body, 'level', what),
    comparedVersions: asArray(body.compared_versions ?? [], what).filter(
      (v): v is number => typeof v === 'number',
    ),
    violations: asArray(body.violations ?? [], what).map(toViolation),
  };
}

/** Map a configuration. */
export function toRegistryConfig(raw: unknown): RegistryConfig {
  const what = 'config';
  const body = asObject(raw, what);
  const config: RegistryConfig = {
    subject: strOrNull(body, 'subject', what),
    compatibilityLevel: strOrNull(body, 'compatibility_level', what),
    mode: strOrNull(body, 'mode', what),
  };
  const level = strOrNull(body, 'effective_compatibility_level', what);
  const mode = strOrNull(body, 'effective_mode', what);
  if (level !== null) config.effectiveCompatibilityLevel = level;
  if (mode !== null) config.effectiveMode = mode;
  return config;
}

/** Map a schema validation verdict (absent locations and canonical forms read as null). */
export function toSchemaValidation(raw: unknown): SchemaValidation {
  const what = 'schema validation result';
  const body = asObject(raw, what);
  const problems = asArray(body.problems ?? [], `${what} problems`).map((item) => {
    const p = asObject(item, `${what} problem`);
    return {
      path: str(p, 'path', what),
      message: str(p, 'message', what),
      line: intOrNull(p, 'line', what),
      column: intOrNull(p, 'column', what),
    };
  });
  return {
    valid: bool(body, 'valid', what),
    problems,
    fingerprint: strOrNull(body, 'fingerprint', what),
    canonical: strOrNull(body, 'canonical', what),
  };
}
