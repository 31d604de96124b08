import type { Kysely } from 'kysely';
import type {
  CompatibilityLevel,
  SchemaRecord,
  SchemaType,
  SubjectVersionRecord,
  SubjectVersionWithSchema,
} from '../types.js';
import type { Database, SchemasTable, SubjectVersionsTable } from './database.js';

/** A `subject_versions` row joined with its `schemas` row (aliases `sv` and `s`). */
export function selectVersionsWithSchema(db: Kysely<Database>) {
  return db
    .selectFrom('subject_versions as sv')
    .innerJoin('schemas as s', 's.id', 'sv.schema_id')
    .select([
      'sv.subject',
      'sv.version',
      'sv.semver',
      'sv.schema_id',
      'sv.metadata_json',
      'sv.compatibility_level',
      'sv.created_at',
      'sv.created_by',
      'sv.deleted_at',
      's.guid',
      's.schema_type',
      's.fingerprint',
      's.canonical',
      's.schema_text',
      's.references_json',
      's.created_at as schema_created_at',
      's.pcf_fingerprint',
      's.json_draft',
    ]);
}

/** The row shape {@link selectVersionsWithSchema} yields. */
export interface VersionWithSchemaRow extends SubjectVersionsTable {
  guid: string;
  schema_type: string;
  fingerprint: string;
  canonical: string;
  schema_text: string;
  references_json: string;
  schema_created_at: string;
  pcf_fingerprint: string | null;
  json_draft: string | null;
}

/** Maps a joined row to the port's record. */
export function toVersionWithSchema(row: VersionWithSchemaRow): SubjectVersionWithSchema {
  return {
    ...toVersionRecord(row),
    schemaRecord: toSchemaRecord({
      id: row.schema_id,
      guid: row.guid,
      schema_type: row.schema_type,
      fingerprint: row.fingerprint,
      canonical: row.canonical,
      schema_text: row.schema_text,
      references_json: row.references_json,
      created_at: row.schema_created_at,
      pcf_fingerprint: row.pcf_fingerprint,
      json_draft: row.json_draft,
    }),
  };
}

/** Maps a `subject_versions` row to the port's record. */
export function toVersionRecord(row: SubjectVersionsTable): SubjectVersionRecord {
  return {
    subject: row.subject,
    version: row.version,
    semver: row.semver,
    schemaId: row.schema_id,
    metadata: row.metadata_json === null ? null : JSON.parse(row.metadata_json),
    compatibilityLevel: row.compatibility_level as CompatibilityLevel,
    createdAt: row.created_at,
    createdBy: row.created_by,
    deletedAt: row.deleted_at,
  };
}

/** Maps a `schemas` row to the port's record. */
export function toSchemaRecord(
  row: Omit<SchemasTable, 'identity_version'> & { identity_version?: number },
): SchemaRecord {
  return {
    id: row.id,
    guid: row.guid,
    schemaType: row.schema_type as SchemaType,
    fingerprint: row.fingerprint,
    canonical: row.canonical,
    schema: row.schema_text,
    references: JSON.parse(row.references_json),
    pcfFingerprint: row.pcf_fingerprint ?? null,
    jsonDraft: row.json_draft ?? null,
    createdAt: row.created_at,
  };
}
