import type { CompatibilityLevel, RegistryMode, SchemaType } from '@llmsr/spec';

/**
 * The schema formats, compatibility levels and registry modes the registry stores: defined once
 * in `@llmsr/spec`, re-exported for this package's API.
 */
export type { CompatibilityLevel, RegistryMode, SchemaType } from '@llmsr/spec';

/** A Confluent-style reference from one schema to a version of another subject. */
export interface SchemaReference {
  /** The name the referencing schema uses (JSON `$ref` / `$id`, Avro full name, proto import path). */
  name: string;
  subject: string;
  version: number;
}

/** A content-addressed schema: one row per distinct (schema type, canonical form). */
export interface SchemaRecord {
  /** Global integer id, assigned max+1, shared by every subject that registers the same content. */
  id: number;
  /** Stable UUID for the same content. */
  guid: string;
  schemaType: SchemaType;
  /** SHA-256 hex of the canonical form; unique per schema type. */
  fingerprint: string;
  /** Canonical text (what the fingerprint is computed from). */
  canonical: string;
  /** The schema text as first registered (Confluent returns this). */
  schema: string;
  references: SchemaReference[];
  /**
   * Avro only: SHA-256 hex of Avro's Parsing Canonical Form, for wire-compatibility lookups.
   * Never the identity (it drops defaults, doc, aliases, order and logical types); `null` otherwise.
   */
  pcfFingerprint?: string | null;
  /** JSON Schema only: the draft the schema was registered under (`$schema`, or the default then in force). */
  jsonDraft?: string | null;
  createdAt: string;
}

/** One version of one subject. */
export interface SubjectVersionRecord {
  subject: string;
  version: number;
  semver: string;
  schemaId: number;
  /** Free JSON given at registration (Confluent `metadata`/`ruleSet` live here too). */
  metadata: Record<string, unknown> | null;
  /** The compatibility level that was in force when this version was registered. */
  compatibilityLevel: CompatibilityLevel;
  createdAt: string;
  createdBy: string | null;
  /** Set by a soft delete; `null` while live. */
  deletedAt: string | null;
}

/** A subject version joined with its schema. */
export interface SubjectVersionWithSchema extends SubjectVersionRecord {
  schemaRecord: SchemaRecord;
}

/** Compatibility level and mode, for one subject or (subject `null`) globally. */
export interface ConfigRecord {
  subject: string | null;
  compatibilityLevel?: CompatibilityLevel | undefined;
  mode?: RegistryMode | undefined;
  /** Anything else a client stored with the config (Confluent `defaultMetadata`, `overrideRuleSet`, ...). */
  extra?: Record<string, unknown> | undefined;
}

/** Durable state of other packages (variable spaces, pipelines, runs, model bindings). */
export interface ResourceRecord<TDocument = unknown> {
  kind: string;
  id: string;
  document: TDocument;
  /** Optimistic-concurrency version: 1 on create, +1 on every successful put. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
