import type { CompatibilityReport } from '@llmsr/compatibility';
import type {
  CompatibilityLevel,
  ConfigRecord,
  RegistryMode,
  ResourceRecord,
} from '@llmsr/storage';
import type { CompiledValidator, ValidationResult } from '@llmsr/validation';
import type { AccessControl } from './auth/access-control.js';
import type { ChangeListener } from './change-events.js';
import type { LookupConfluentSchemaInput } from './confluent/lookup-confluent-schema.js';
import type { RegisterConfluentSchemaInput } from './confluent/register-confluent-schema.js';
import type { RegistryLlm } from './llm/llm-types.js';
import type { RecordedChangeEvent, RecordedChangeListener } from './recorded-change-events.js';
import type { SubjectConfig } from './resolve-subject-config.js';
import type {
  BatchValidationItem,
  BatchValidationResult,
  CheckCompatibilityInput,
  FindSchemasInput,
  FindVersionByContentInput,
  RegisterSchemaInput,
  RegisterSchemaResult,
  RegistryHealth,
  SchemaDependency,
  SchemaDependent,
  SchemaSearchHit,
  SchemaSelector,
  SchemaVersionView,
  SchemaView,
  SearchSchemasInput,
  ValidateDataInput,
} from './types.js';
import type { VariableSpaceService } from './variable-space-service.js';

/**
 * The registry service: every app calls this and nothing else. Operations are grouped by what
 * they act on (`registry.schemas.register(...)`, `registry.config.resolve(...)`); every
 * operation that returns a promise rejects with a {@link RegistryError} only.
 */
export interface Registry {
  /** Schemas by content, id or guid: register, read, find, search, relations, well-formedness. */
  readonly schemas: RegistrySchemas;
  /** Subjects and their versions: list, read, delete. */
  readonly subjects: RegistrySubjects;
  /** Validate documents against registered schemas. */
  readonly validation: RegistryValidation;
  /** Check a schema against a subject's history without registering it. */
  readonly compatibility: RegistryCompatibility;
  /** Compatibility level, mode and extra settings, per subject or global. */
  readonly config: RegistryConfig;
  /** Change events: live listeners and the stored log. */
  readonly events: RegistryEvents;
  /** Confluent's register and lookup semantics (the Confluent-compatible API calls these). */
  readonly confluent: RegistryConfluent;
  /** LLM tools over schemas: signatures, provider lint and transform, model output parsing. */
  readonly llm: RegistryLlm;
  /** Typed variable spaces for LLM programs, persisted in the same storage. */
  readonly variableSpaces: VariableSpaceService;
  /** Durable documents of other packages (variable spaces, ...), read as stored (export). */
  readonly resources: RegistryResources;
  /** Authentication, authorisation, audit and rate limits, shared by every API. */
  readonly access: AccessControl;
  /** Storage reachability, counts, uptime and cache figures. */
  health(): Promise<RegistryHealth>;
  /** Stop following the event log and close the storage. */
  close(): Promise<void>;
}

/** `registry.schemas`: schemas by content, id or guid. */
export interface RegistrySchemas {
  /** Register a schema under a subject (or find the live version already holding it). */
  register(input: RegisterSchemaInput): Promise<RegisterSchemaResult>;
  /** A schema by global id or guid. */
  get(idOrGuid: number | string): Promise<SchemaView | undefined>;
  /** {@link RegistrySchemas.get} that throws `SCHEMA_NOT_FOUND`. */
  getOrThrow(idOrGuid: number | string): Promise<SchemaView>;
  /** The newest version of a subject holding the same content as a schema (Confluent lookup). */
  findByContent(input: FindVersionByContentInput): Promise<SchemaVersionView | undefined>;
  /** Subject versions by structured filters, paged (limit 1..1000, default 100). */
  find(input: FindSchemasInput): Promise<{ total: number; items: SchemaVersionView[] }>;
  /** Text search over subject, `metadata.description` and `metadata.tags`; by relevance then recency. */
  search(input: SearchSchemasInput): Promise<{ total: number; items: SchemaSearchHit[] }>;
  /** Subject versions using a schema (id or guid), oldest first; SCHEMA_NOT_FOUND when unknown. */
  versions(
    idOrGuid: number | string,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView[]>;
  /** The version (integer, semver or `latest`) using a schema; `subject` picks one of several. */
  getVersion(
    idOrGuid: number | string,
    version: string | number,
    options?: { subject?: string | undefined; includeDeleted?: boolean },
  ): Promise<SchemaVersionView>;
  /** What a schema references. */
  dependencies(idOrGuid: number | string): Promise<SchemaDependency[]>;
  /** The versions whose schema references a version using this schema. */
  dependents(
    idOrGuid: number | string,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaDependent[]>;
  /** Is this schema well-formed? Never throws for a bad schema: answers `valid: false` with locations. */
  validate(input: ValidateSchemaInput): Promise<ValidateSchemaResult>;
}

/** Input of {@link RegistrySchemas.validate}. */
export interface ValidateSchemaInput {
  schema: unknown;
  schemaType?: string | undefined;
  references?: unknown;
  /** Read the schema under this subject's settings (its default JSON draft); global by default. */
  subject?: string | undefined;
}

/** Result of {@link RegistrySchemas.validate}. */
export interface ValidateSchemaResult {
  valid: boolean;
  problems: { path: string; message: string; line?: number; column?: number }[];
  fingerprint?: string;
  canonical?: string;
}

/** `registry.subjects`: subjects and their versions. */
export interface RegistrySubjects {
  /** Subject names; soft-deleted subjects only with `includeDeleted`; `prefix` filters by name. */
  list(options?: { includeDeleted?: boolean; prefix?: string }): Promise<string[]>;
  /** Versions of a subject, oldest first; throws SUBJECT_NOT_FOUND for an unknown subject. */
  versions(subject: string, options?: { includeDeleted?: boolean }): Promise<SchemaVersionView[]>;
  /** A version by integer, semver or `latest`; soft-deleted ones only with `includeDeleted`. */
  getVersion(
    subject: string,
    version: string | number,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView | undefined>;
  /** {@link RegistrySubjects.getVersion} that throws `VERSION_NOT_FOUND` / `SUBJECT_NOT_FOUND`. */
  getVersionOrThrow(
    subject: string,
    version: string | number,
    options?: { includeDeleted?: boolean },
  ): Promise<SchemaVersionView>;
  /** Soft delete, or permanent delete of an already soft-deleted version. */
  deleteVersion(
    subject: string,
    version: string | number,
    options?: { permanent?: boolean },
  ): Promise<SchemaVersionView>;
  /** Delete every version of a subject; returns the version numbers deleted. */
  delete(subject: string, options?: { permanent?: boolean }): Promise<number[]>;
  /** Global ids of the schemas that reference a subject version (Confluent `referencedby`). */
  referencedBy(
    subject: string,
    version: number,
    options?: { includeDeleted?: boolean },
  ): Promise<number[]>;
}

/** Options of {@link RegistryValidation.getValidator}. */
export type GetValidatorInput = SchemaSelector & {
  strict?: boolean | undefined;
  messageName?: string | undefined;
  timing?: boolean | undefined;
};

/** `registry.validation`: documents against registered schemas. */
export interface RegistryValidation {
  /** Validate one document against the selected schema. */
  validate(input: ValidateDataInput): Promise<ValidationResult & { schemaId: number }>;
  /** Validate up to 1,000 documents; a bad selector fails only its own item. */
  validateBatch(items: readonly BatchValidationItem[]): Promise<BatchValidationResult[]>;
  /**
   * The cached compiled validator of a schema, for callers that validate many documents
   * in-process (`validator.validate(data)` is synchronous).
   */
  getValidator(input: GetValidatorInput): Promise<CompiledValidator>;
}

/** `registry.compatibility`: checks without registering. */
export interface RegistryCompatibility {
  /** Check a schema against a subject's history under the subject's settings. */
  check(input: CheckCompatibilityInput): Promise<CompatibilityReport>;
}

/** Input of {@link RegistryConfig.set}. */
export interface SetConfigInput {
  compatibilityLevel?: string;
  mode?: string;
  extra?: Record<string, unknown>;
}

/** `registry.config`: settings per subject, or global with `subject = null`. */
export interface RegistryConfig {
  /** The config stored for a subject (or the global one), without defaults. */
  get(subject: string | null): Promise<ConfigRecord | undefined>;
  /** Set level and/or mode (merged into what is stored); `extra` replaces the extra fields. */
  set(subject: string | null, config: SetConfigInput): Promise<ConfigRecord>;
  /** Remove a subject's (or the global) config; returns what was removed. */
  delete(subject: string | null): Promise<ConfigRecord | undefined>;
  /** Remove the compatibility level (with the extra config fields) or the mode of a config and keep the rest; returns the old config. */
  clearSetting(
    subject: string | null,
    setting: 'compatibilityLevel' | 'mode',
  ): Promise<ConfigRecord | undefined>;
  /**
   * Every setting in force for a subject (its own, else global, else the default): level, mode,
   * `compatibilityPolicy`, `normalize` and `jsonSchemaDefaultDraft`.
   */
  resolve(subject: string | null): Promise<SubjectConfig>;
  /** The compatibility level in force for a subject (its own, else global, else BACKWARD). */
  resolveLevel(subject: string | null): Promise<CompatibilityLevel>;
  /** The mode in force for a subject (its own, else global, else READWRITE). */
  resolveMode(subject: string | null): Promise<RegistryMode>;
}

/** `registry.events`: what changed. */
export interface RegistryEvents {
  /** Listen to changes made through this registry and seen in the log; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
  /** Listen to change events once stored, each with its id (for resumable streams). */
  subscribeRecorded(listener: RecordedChangeListener): () => void;
  /** Stored change events after `afterId` (0 for the oldest retained), oldest first; at most `limit` (1..10,000, default 1,000). */
  list(options?: { afterId?: number; limit?: number }): Promise<RecordedChangeEvent[]>;
  /**
   * The id of the oldest event the log still keeps, of any kind (undefined when empty): a client
   * resuming after `afterId` missed events when this is above `afterId + 1`.
   */
  oldestId(): Promise<number | undefined>;
}

/** `registry.confluent`: Confluent's register and lookup, each one parse and one reference resolution. */
export interface RegistryConfluent {
  /**
   * Confluent's register (`POST /subjects/{subject}/versions`): content the subject already holds
   * answers its version without mode checks; otherwise `metadata`/`ruleSet` are carried over from
   * the latest version and the schema is registered.
   */
  register(input: RegisterConfluentSchemaInput): Promise<RegisterSchemaResult>;
  /**
   * Confluent's lookup (`POST /subjects/{subject}`): the newest version holding the same content.
   * Throws SUBJECT_NOT_FOUND when the subject has no version, SCHEMA_NOT_FOUND when none matches.
   */
  lookup(input: LookupConfluentSchemaInput): Promise<SchemaVersionView>;
}

/** `registry.resources`: durable documents of other packages, as stored. */
export interface RegistryResources {
  /** A resource by kind and id. */
  get(kind: string, id: string): Promise<ResourceRecord | undefined>;
  /** Resources of a kind, by id, paged. */
  list(kind: string, options?: { limit?: number; offset?: number }): Promise<ResourceRecord[]>;
}
