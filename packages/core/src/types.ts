import type { CompatibilityReport } from '@llmsr/compatibility';
import type { CompatibilityLevel, SchemaReference, SchemaStore, SchemaType } from '@llmsr/storage';
import type { ValidationResult } from '@llmsr/validation';
import type { RegistrationLintIssue } from './llm/lint-registration.js';

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

/** Input of {@link RegistrySchemas.register}. */
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
  /** Lint the schema for these LLM providers (`openai`, ...) before storing it; JSON Schema only. */
  lintFor?: readonly string[] | undefined;
  /** `warn` (default): lint issues come back as `lintIssues`; `enforce`: lint errors refuse the schema (PROVIDER_LINT_FAILED). */
  lintMode?: 'warn' | 'enforce' | undefined;
}

/** Result of {@link RegistrySchemas.register}. */
export interface RegisterSchemaResult {
  /** False when the same content was already a live version of the subject. */
  created: boolean;
  version: SchemaVersionView;
  /** The compatibility report the version passed (absent when it already existed). */
  compatibility?: CompatibilityReport;
  /** Issues of the provider lint the registration asked for (`lintFor`), each with its provider. */
  lintIssues?: RegistrationLintIssue[];
}

/** Which schema to validate against. */
export interface SchemaSelector {
  /** Global id or guid; wins over `subject`. */
  schemaId?: number | string | undefined;
  subject?: string | undefined;
  /** Integer, semver or `latest` (default). */
  version?: string | number | undefined;
}

/** Input of {@link RegistryValidation.validate}. */
export type ValidateDataInput = SchemaSelector & {
  data: unknown;
  strict?: boolean | undefined;
  /** Protobuf: the message to validate; the first one by default. */
  messageName?: string | undefined;
  /** Measure `validationTimeMs` (default true); false skips the clock on the hot path. */
  timing?: boolean | undefined;
};

/** Input of {@link RegistryCompatibility.check}. */
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

/** Input of {@link RegistrySchemas.findByContent}. */
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

/** Filters of {@link RegistrySchemas.find}. */
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

/** Input of {@link RegistrySchemas.search}. */
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
