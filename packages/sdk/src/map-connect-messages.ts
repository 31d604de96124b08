import { type Timestamp, timestampDate } from '@bufbuild/protobuf/wkt';
import {
  ChangeType,
  CompatibilityLevel,
  type CompatibilityReport,
  SchemaType as ProtoSchemaType,
  type Schema,
  type StreamSchemaChangesResponse,
  type ValidateSchemaResponse,
  type ValidationReport,
  ViolationDirection,
  ViolationSeverity,
} from '@llmsr/proto';
import { isCompatibilityLevel, type CompatibilityLevel as LevelName } from '@llmsr/spec';
import type {
  ChangeEvent,
  CompatibilityResult,
  DataValidation,
  SchemaById,
  SchemaType,
  SchemaValidation,
  SchemaVersion,
} from './client-types.js';
import { RegistryClientError } from './registry-client-error.js';

function invalid(message: string, field: string): RegistryClientError {
  return new RegistryClientError('INVALID_RESPONSE', message, undefined, { field });
}

/** The message a response must carry, else `INVALID_RESPONSE`. */
export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw invalid(`The server's answer has no ${field}`, field);
  return value;
}

function schemaTypeOf(value: ProtoSchemaType): SchemaType {
  switch (value) {
    case ProtoSchemaType.JSON:
      return 'JSON';
    case ProtoSchemaType.AVRO:
      return 'AVRO';
    case ProtoSchemaType.PROTOBUF:
      return 'PROTOBUF';
    default:
      throw invalid(`The server's schema has an unknown schema_type ${value}`, 'schema_type');
  }
}

/** The name of a compatibility level (`BACKWARD`), or null when unspecified. */
export function levelName(value: CompatibilityLevel): LevelName | null {
  if (value === CompatibilityLevel.UNSPECIFIED) return null;
  const name = CompatibilityLevel[value];
  if (!isCompatibilityLevel(name)) {
    throw invalid(`The server sent an unknown compatibility level ${value}`, 'level');
  }
  return name;
}

function isoOf(timestamp: Timestamp | undefined): string | null {
  return timestamp === undefined ? null : timestampDate(timestamp).toISOString();
}

/** The schema as the REST API shows it: a JSON value for JSON Schema and Avro, text for Protobuf. */
function schemaValue(schemaType: SchemaType, text: string): unknown {
  if (schemaType === 'PROTOBUF') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Map a `Schema` message holding a subject version. */
export function fromSchemaMessage(message: Schema): SchemaVersion {
  const schemaType = schemaTypeOf(message.schemaType);
  return {
    id: message.id,
    guid: message.guid,
    subject: message.subject,
    version: message.version,
    semver: message.semver || null,
    schemaType,
    schema: schemaValue(schemaType, message.schema),
    fingerprint: message.fingerprint,
    references: message.references.map((r) => ({
      name: r.name,
      subject: r.subject,
      version: r.version,
    })),
    metadata: message.metadata ?? null,
    compatibilityLevel: levelName(message.compatibilityLevel),
    createdAt: isoOf(message.createdAt) ?? '',
    createdBy: message.createdBy || null,
    deletedAt: isoOf(message.deletedAt),
  };
}

/**
 * Map a `Schema` message fetched by id or guid. The message carries the first live version
 * only, so `versions` lists that one (the REST API lists every use of the content).
 */
export function fromSchemaMessageById(message: Schema): SchemaById {
  const version = fromSchemaMessage(message);
  const subject = message.subject || null;
  return {
    id: version.id,
    guid: version.guid,
    subject,
    version: subject === null ? null : version.version,
    semver: version.semver,
    schemaType: version.schemaType,
    schema: version.schema,
    fingerprint: version.fingerprint,
    references: version.references,
    metadata: version.metadata,
    createdAt: version.createdAt,
    versions:
      subject === null
        ? []
        : [{ subject, version: version.version, deleted: version.deletedAt !== null }],
  };
}

/** Map a `ValidationReport`. */
export function fromValidationReport(report: ValidationReport): DataValidation {
  return {
    valid: report.valid,
    schemaId: report.schemaId === 0 ? null : report.schemaId,
    errors: report.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message })),
    warnings: [...report.warnings],
    validationTimeMs: report.validationTimeMs,
  };
}

const DIRECTIONS: Record<number, string> = {
  [ViolationDirection.BACKWARD]: 'backward',
  [ViolationDirection.FORWARD]: 'forward',
};
const SEVERITIES: Record<number, string> = {
  [ViolationSeverity.ERROR]: 'error',
  [ViolationSeverity.WARNING]: 'warning',
};

/** Map a `CompatibilityReport`. */
export function fromCompatibilityReport(report: CompatibilityReport): CompatibilityResult {
  return {
    compatible: report.compatible,
    level: levelName(report.level) ?? '',
    comparedVersions: [...report.comparedVersions],
    violations: report.violations.map((v) => ({
      rule: v.rule || 'UNKNOWN',
      path: v.path,
      oldPath: v.oldPath || undefined,
      message: v.message,
      severity: SEVERITIES[v.severity],
      direction: DIRECTIONS[v.direction],
      comparedVersion: v.comparedVersion || undefined,
      fix: v.fix || undefined,
    })),
  };
}

/** Map a `ValidateSchemaResponse` (0 lines and columns, empty strings read as null). */
export function fromValidateSchemaResponse(response: ValidateSchemaResponse): SchemaValidation {
  return {
    valid: response.valid,
    problems: response.problems.map((p) => ({
      path: p.path,
      message: p.message,
      line: p.line || null,
      column: p.column || null,
    })),
    fingerprint: response.fingerprint || null,
    canonical: response.canonical || null,
  };
}

const CHANGE_TYPES: Record<number, string> = {
  [ChangeType.SCHEMA_REGISTERED]: 'schema.registered',
  [ChangeType.SCHEMA_DELETED]: 'schema.deleted',
  [ChangeType.CONFIG_CHANGED]: 'config.changed',
};

/** Map a change message to the {@link ChangeEvent} the SSE stream gives (same id, name and data). */
export function fromChangeMessage(message: StreamSchemaChangesResponse): ChangeEvent {
  const type = CHANGE_TYPES[message.type] ?? `unknown.${message.type}`;
  const id = Number(message.id);
  const at = isoOf(message.at);
  let data: Record<string, unknown>;
  switch (message.type) {
    case ChangeType.SCHEMA_REGISTERED:
      data = {
        id,
        type,
        subject: message.subject,
        version: message.version,
        schemaId: message.schemaId,
        at,
      };
      break;
    case ChangeType.SCHEMA_DELETED:
      data = {
        id,
        type,
        subject: message.subject,
        version: message.version,
        permanent: message.permanent,
        at,
      };
      break;
    default:
      data = { id, type, subject: message.subject || null, at };
  }
  return { id: String(message.id), event: type, data };
}
