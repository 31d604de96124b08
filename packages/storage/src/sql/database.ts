/**
 * Row types of the SQL backends, as Kysely sees them. JSON columns are TEXT on both dialects
 * (exact round-trips, NUL escapes allowed); timestamps are ISO-8601 TEXT, which sorts correctly.
 */
export interface Database {
  schemas: SchemasTable;
  subject_versions: SubjectVersionsTable;
  schema_references: SchemaReferencesTable;
  configs: ConfigsTable;
  resources: ResourcesTable;
  events: EventsTable;
  id_marks: IdMarksTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}

/** One row per distinct (schema type, fingerprint). */
export interface SchemasTable {
  id: number;
  guid: string;
  schema_type: string;
  fingerprint: string;
  canonical: string;
  schema_text: string;
  references_json: string;
  created_at: string;
  /** Avro: fingerprint of the Parsing Canonical Form (migration 0003); null otherwise. */
  pcf_fingerprint: string | null;
  /** JSON Schema: the draft it was registered under (migration 0003); null otherwise. */
  json_draft: string | null;
  /** Which identity rules computed `fingerprint` (1: before migration 0003). */
  identity_version: number;
}

/** One row per (subject, version); soft-deleted rows keep their version number. */
export interface SubjectVersionsTable {
  subject: string;
  version: number;
  semver: string;
  schema_id: number;
  metadata_json: string | null;
  compatibility_level: string;
  created_at: string;
  created_by: string | null;
  deleted_at: string | null;
}

/** The reference edges of a schema, so dependents are an indexed lookup. */
export interface SchemaReferencesTable {
  schema_id: number;
  position: number;
  ref_name: string;
  ref_subject: string;
  ref_version: number;
}

/** `scope` is `global` (with subject '') or `subject`, because NULL never matches a unique key. */
export interface ConfigsTable {
  scope: 'global' | 'subject';
  subject: string;
  compatibility_level: string | null;
  mode: string | null;
  extra_json: string | null;
}

/** Generic versioned JSON documents of other packages. */
export interface ResourcesTable {
  kind: string;
  id: string;
  document_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Change events kept for resuming streams (bounded retention). */
export interface EventsTable {
  id: number;
  type: string;
  payload_json: string;
  created_at: string;
}

/**
 * High-water marks of allocated ids (migration 0003). `schemas` is the largest schema id ever
 * handed out, so a permanently deleted id is never given to other content.
 */
export interface IdMarksTable {
  name: string;
  value: number;
}

/** API keys (migration 0004): the secret is never stored, only its scrypt hash and salt. */
export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  subjects_json: string;
  basic_user: string;
  secret_hash: string;
  salt: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

/** The audit log (migration 0004), pruned by time for retention. */
export interface AuditLogTable {
  id: string;
  time: string;
  principal: string;
  action: string;
  subject: string | null;
  result: string;
  client_address: string | null;
  details_json: string;
}
