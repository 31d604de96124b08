import type { SubjectVersionWithSchema } from '@llmsr/storage';
import type { SchemaVersionView } from './types.js';

/** The registry's view of a stored subject version. */
export function toVersionView(row: SubjectVersionWithSchema): SchemaVersionView {
  const record = row.schemaRecord;
  return {
    id: record.id,
    guid: record.guid,
    subject: row.subject,
    version: row.version,
    semver: row.semver,
    schemaType: record.schemaType,
    schema: record.schema,
    fingerprint: record.fingerprint,
    references: record.references,
    metadata: row.metadata,
    compatibilityLevel: row.compatibilityLevel,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    deletedAt: row.deletedAt,
  };
}
