import type { CompatibilityReport } from '@llmsr/compatibility';
import type {
  CompatibilityLevel,
  ConfigRecord,
  RegistryMode,
  SchemaReference,
  SchemaStore,
  SchemaType,
} from '@llmsr/storage';
import type { CompiledValidator, ValidationResult } from '@llmsr/validation';
import type { ChangeListener } from './change-events.js';
import type { SubjectConfig } from './config-operations.js';
import type { LookupConfluentSchemaInput } from './confluent/lookup-confluent-schema.js';
import type { RegisterConfluentSchemaInput } from './confluent/register-confluent-schema.js';
import type { RecordedChangeEvent, RecordedChangeListener } from './recorded-change-events.js';
import type { VariableSpaceService } from './variable-space-service.js';

/** A version of a subject as the registry shows it. */
export interface SchemaVersionView {
  /** Global integer id of the content. */
  id: number;
  guid: string;
  subject: string;
  version: number;
  semver: string;
  schemaType: SchemaType;
  /** The schema text as first registered. */
  schema: string;
  fingerprint: string;
  references: SchemaReference[];
  metadata: Record<string, unknown> | null;
  compatibilityLevel: CompatibilityLevel;
  createdAt: string;
  createdBy: string | null;
  deletedAt: string | null;
}

/** A schema by id: its content and every subject version that uses it. */
export interface SchemaView {
  id: number;
  guid: string;
  schemaType: SchemaType;
  schema: string;
  fingerprint: string;
  references: SchemaReference[];
  createdAt: string;
  /** The oldest live version using this content (subject, version, semver, metadata...), if any. */
  firstVersion: SchemaVersionView | undefined;
  versions: { subject: string; version: number; deleted: boolean }[];
}

/** Input of {@link Registry.register}. */
export interface RegisterSchemaInput {
  subject: string;
  /** Schema text, or a JSON value for JSON Schema and Avro. */
  schema: unknown;
  /** JSON (default), AVRO or PROTOBUF; checked by the registry. */
  schemaType?: string | undefined;
  /** Sets the level of a new subject; for an existing subject it must equal the level in force. */
  compatibilityLevel?: string | undefined;
  /** A JSON object stored with the version; checked by the registry. */
  metadata?: unknown;
  /** `[{ name, subject, version }]`; checked by the registry. */
  references?: unknown;
  /** A semver the client wants for this version; must be higher than the latest. */
  semver?: string | undefined;
  createdBy?: string | undefined;
  /** IMPORT mode only: keep the id and version of another registry. */
  id?: number | undefined;
  version?: number | undefined;
  /**
   * Confluent's `normalize`: read the schema in its normalized (canonical) form before lookup
   * and registration. Unset: the subject's, else the global `normalize` config, else false.
   * A new schema is then stored (and returned) as its canonical text instead of the text as
   * sent. Versions are matched by the fingerprint of the canonical form either way, so an
   * equivalent schema (other formatting or key order) finds the existing version with or
   * without normalize, and keeps the text that was stored first.
   */
  normalize?: boolean | undefined;
}

/** Result of {@link Registry.register}. */
export interface RegisterSchemaResult {
  /** False when the same content was already a live version of the subject. */
  created: boolean;
  version: SchemaVersionView;
  /** The compatibility report the version passed (absent when it already existed). */
  compatibility?: CompatibilityReport;
}

/** Which schema to validate against. */
export interface SchemaSelector {
  /** Global id or guid; wins over `subject`. */
  schemaId?: number | string | undefined;
  subject?: string | undefined;
  /** Integer, semver or `latest` (default). */
  version?: string | number | undefined;
}

/** Input of {@link Registry.validateData}. */
export type ValidateDataInput = SchemaSelector & {
  data: unknown;
  strict?: boolean | undefined;
  /** Protobuf: the message to validate; the first one by default. */
  messageName?: string | undefined;
  /** Measure `validationTimeMs` (default true); false skips the clock on the hot path. */
  timing?: boolean | undefined;
};

/** Input of {@link Registry.checkCompatibility}. */
export interface CheckCompatibilityInput {
  subject: string;
  schema: unknown;
  schemaType?: string | undefined;
  references?: unknown;
  /** Level to check with; the subject's level in force by default. */
  level?: string | undefined;
  /** Compare with this version only (Confluent `/compatibility/subjects/{s}/versions/{v}`). */
  version?: string | number | undefined;
  /**
   * Confluent's `normalize`: read the schema in its normalized (canonical) form before lookup
   * and registration. Unset: the subject's, else the global `normalize` config, else false.
   * Matching is by the fingerprint of the canonical form either way, so the answer is the same
   * with or without it (see {@link RegisterSchemaInput.normalize}).
   */
  normalize?: boolean | undefined;
}

/** Input of {@link Registry.findVersionByContent}. */
export interface FindVersionByContentInput {
  subject: string;
  /** Schema text, or a JSON value for JSON Schema and Avro. */
  schema: unknown;
  /** JSON (default), AVRO or PROTOBUF. */
  schemaType?: string | undefined;
  references?: unknown;
  /** Also match soft-deleted versions. */
  includeDeleted?: boolean | undefined;
  /**
   * Confluent's `normalize`: read the schema in its normalized (canonical) form before lookup
   * and registration. Unset: the subject's, else the global `normalize` config, else false.
   * Matching is by the fingerprint of the canonical form either way, so the answer is the same
   * with or without it (see {@link RegisterSchemaInput.normalize}).
   */
  normalize?: boolean | undefined;
}

/** Health figures of a registry. */
export interface RegistryHealth {
  storage: { backend: SchemaStore['backend']; reachable: boolean; error?: string };
  uptimeSeconds: number;
  schemas: number;
  subjects: number;
  versions: number;
  caches: { schemas: CacheStats; views: CacheStats; validators: CacheStats };
}

/** Hit/miss figures of a cache. */
export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
  hitRate: number;
}

/** The registry service: every app calls this and nothing else. */
export interface Registry {
  readonly store: SchemaStore;
  /** Typed variable spaces for LLM programs, persisted in the same storage. */
  readonly variableSpaces: VariableSpaceService;
  register(input: RegisterSchemaInput): Promise<RegisterSchemaResult>;
  /** A schema by global id or guid. */
  getSchema(idOrGuid: number | string): Promise<SchemaView | undefined>;
  getSchemaOrThrow(idOrGuid: number | string): Promise<SchemaView>;
  /** A version by integer, semver or `latest`; soft-deleted ones only with `includeDeleted`. */
  getVersion(
    subject: string,
    version: string | number,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView | undefined>;
  getVersionOrThrow(
    subject: string,
    version: string | number,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView>;
  listSubjects(options?: { includeDeleted?: boolean; prefix?: string }): Promise<string[]>;
  /** Versions of a subject, oldest first; throws SUBJECT_NOT_FOUND for an unknown subject. */
  listVersions(
    subject: string,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView[]>;
  /** Soft delete, or permanent delete of an already soft-deleted version. */
  deleteVersion(
    subject: string,
    version: string | number,
    options?: { permanent?: boolean },
  ): Promise<SchemaVersionView>;
  /** Delete every version of a subject; returns the version numbers deleted. */
  deleteSubject(subject: string, options?: { permanent?: boolean }): Promise<number[]>;
  validateData(input: ValidateDataInput): Promise<ValidationResult & { schemaId: number }>;
  /**
   * The cached compiled validator of a schema, for callers that validate many documents
   * in-process (`validator.validate(data)` is synchronous).
   */
  getValidator(
    input: SchemaSelector & {
      strict?: boolean | undefined;
      messageName?: string | undefined;
      timing?: boolean | undefined;
    },
  ): Promise<CompiledValidator>;
  /** Is this schema well-formed? Never throws for a bad schema: answers `valid: false` with locations. */
  validateSchema(input: {
    schema: unknown;
    schemaType?: string | undefined;
    references?: unknown;
    /** Read the schema under this subject's settings (its default JSON draft); global by default. */
    subject?: string | undefined;
  }): Promise<{
    valid: boolean;
    problems: { path: string; message: string; line?: number; column?: number }[];
    fingerprint?: string;
    canonical?: string;
  }>;
  checkCompatibility(input: CheckCompatibilityInput): Promise<CompatibilityReport>;
  /** The newest version of a subject holding the same content as a schema (Confluent lookup). */
  findVersionByContent(input: FindVersionByContentInput): Promise<SchemaVersionView | undefined>;
  /**
   * Confluent's register (`POST /subjects/{subject}/versions`): content the subject already holds
   * answers its version without mode checks; otherwise `metadata`/`ruleSet` are carried over from
   * the latest version and the schema is registered. One parse, one reference resolution.
   */
  registerConfluentSchema(input: RegisterConfluentSchemaInput): Promise<RegisterSchemaResult>;
  /**
   * Confluent's lookup (`POST /subjects/{subject}`): the newest version holding the same content.
   * Throws SUBJECT_NOT_FOUND when the subject has no version, SCHEMA_NOT_FOUND when none matches.
   */
  lookupConfluentSchema(input: LookupConfluentSchemaInput): Promise<SchemaVersionView>;
  /** Global ids of the schemas that reference a subject version (Confluent `referencedby`). */
  listReferencingSchemaIds(
    subject: string,
    version: number,
    options?: { includeDeleted?: boolean },
  ): Promise<number[]>;
  /** Remove the compatibility level (with the extra config fields) or the mode of a config and keep the rest; returns the old config. */
  clearConfigSetting(
    subject: string | null,
    setting: 'compatibilityLevel' | 'mode',
  ): Promise<ConfigRecord | undefined>;
  /** The compatibility level in force for a subject (its own, else global, else BACKWARD). */
  resolveCompatibilityLevel(subject: string | null): Promise<CompatibilityLevel>;
  /**
   * Every setting in force for a subject (its own, else global, else the default): level, mode,
   * `compatibilityPolicy`, `normalize` and `jsonSchemaDefaultDraft`.
   */
  resolveConfig(subject: string | null): Promise<SubjectConfig>;
  getConfig(subject: string | null): Promise<ConfigRecord | undefined>;
  setConfig(
    subject: string | null,
    config: { compatibilityLevel?: string; mode?: string; extra?: Record<string, unknown> },
  ): Promise<ConfigRecord>;
  deleteConfig(subject: string | null): Promise<ConfigRecord | undefined>;
  /** The mode in force for a subject (its own, else global, else READWRITE). */
  resolveMode(subject: string | null): Promise<RegistryMode>;
  subscribe(listener: ChangeListener): () => void;
  /** Listen to change events once stored, each with its id (for resumable streams). */
  subscribeChanges(listener: RecordedChangeListener): () => void;
  /** Stored change events after `afterId` (0 for the oldest retained), oldest first; at most `limit` (1..10,000, default 1,000). */
  listChanges(options?: { afterId?: number; limit?: number }): Promise<RecordedChangeEvent[]>;
  /** Subject versions using a schema (id or guid), oldest first; SCHEMA_NOT_FOUND when unknown. */
  listSchemaVersions(
    idOrGuid: number | string,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView[]>;
  /** The version (integer, semver or `latest`) using a schema; `subject` picks one of several. */
  getSchemaVersion(
    idOrGuid: number | string,
    version: string | number,
    options?: { subject?: string | undefined; includeDeleted?: boolean },
  ): Promise<SchemaVersionView>;
  /** What a schema references. */
  getSchemaDependencies(idOrGuid: number | string): Promise<SchemaDependency[]>;
  /** The versions whose schema references a version using this schema. */
  getSchemaDependents(
    idOrGuid: number | string,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaDependent[]>;
  /** Subject versions by structured filters, paged (limit 1..1000, default 100). */
  findSchemas(input: FindSchemasInput): Promise<{ total: number; items: SchemaVersionView[] }>;
  /** Text search over subject, `metadata.description` and `metadata.tags`; by relevance then recency. */
  searchSchemas(input: SearchSchemasInput): Promise<{ total: number; items: SchemaSearchHit[] }>;
  /** Validate up to 1,000 documents; a bad selector fails only its own item. */
  validateBatch(items: readonly BatchValidationItem[]): Promise<BatchValidationResult[]>;
  health(): Promise<RegistryHealth>;
  close(): Promise<void>;
}

/** A reference of a schema to a subject version, and the schema id that version holds. */
export interface SchemaDependency {
  name: string;
  subject: string;
  version: number;
  /** Null when the referenced version has since been removed permanently. */
  schemaId: number | null;
}

/** A subject version whose schema references a version using the schema asked about. */
export interface SchemaDependent {
  subject: string;
  version: number;
  schemaId: number;
  /** Which version of the schema asked about it references. */
  references: { subject: string; version: number };
}

/** Filters of {@link Registry.findSchemas}. */
export interface FindSchemasInput {
  /** Case-insensitive substring of the subject. */
  subject?: string | undefined;
  schemaType?: string | undefined;
  metadataKey?: string | undefined;
  /** Compared as JSON with the value under `metadataKey`. */
  metadataValue?: unknown;
  /** A string in `metadata.tags`. */
  tag?: string | undefined;
  includeDeleted?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Input of {@link Registry.searchSchemas}. */
export interface SearchSchemasInput {
  /** Words that must each match the subject, the description or a tag (case-insensitive). */
  query?: string | undefined;
  schemaType?: string | undefined;
  metadataKey?: string | undefined;
  metadataValue?: unknown;
  includeDeleted?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** A search result: a version and its relevance score. */
export type SchemaSearchHit = SchemaVersionView & { score: number };

/** One document of a batch and the schema to validate it against. */
export type BatchValidationItem = ValidateDataInput;

/** The outcome of one batch item: a validation result or the error of its selector. */
export type BatchValidationResult =
  | {
      index: number;
      valid: boolean;
      schemaId: number;
      errors: ValidationResult['errors'];
      warnings: ValidationResult['warnings'];
    }
  | {
      index: number;
      valid: false;
      error: { code: string; message: string; details: Record<string, unknown> };
    };
