import type { SchemaType } from '@llmsr/spec';
import type { ValidationIssue } from '@llmsr/validation';
import type { CompatibilityViolation } from './registry-client-error.js';

/** The three schema formats (defined once in `@llmsr/spec`, re-exported for this package's API). */
export type { SchemaType } from '@llmsr/spec';

/** A schema another one references (Confluent references). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** One version of a subject. */
export interface SchemaVersion {
  id: number;
  guid: string;
  subject: string;
  version: number;
  semver: string | null;
  schemaType: SchemaType;
  /** A JSON value for JSON Schema and Avro, `.proto` text for Protobuf. */
  schema: unknown;
  fingerprint: string;
  references: SchemaReference[];
  metadata: unknown;
  compatibilityLevel: string | null;
  createdAt: string;
  createdBy: string | null;
  deletedAt: string | null;
}

/** The result of registering: the version, and whether it was new. */
export interface RegisteredSchema extends SchemaVersion {
  created: boolean;
}

/** A schema by global id or guid: its content, first live version and every use. */
export interface SchemaById {
  id: number;
  guid: string;
  subject: string | null;
  version: number | null;
  semver: string | null;
  schemaType: SchemaType;
  schema: unknown;
  fingerprint: string;
  references: SchemaReference[];
  metadata: unknown;
  createdAt: string;
  versions: { subject: string; version: number; deleted: boolean }[];
}

/** Input of `register`. */
export interface RegisterInput {
  subject: string;
  /** A JSON value (JSON Schema, Avro) or text (any format; Protobuf is always text). */
  schema: unknown;
  schemaType?: SchemaType;
  compatibilityLevel?: string;
  metadata?: Record<string, unknown>;
  references?: SchemaReference[];
  /** A semver to give the new version (`version` on the wire). */
  semver?: string;
  createdBy?: string;
}

/** Where a schema lives: a global id or guid, or a subject version (number, semver or `latest`). */
export type SchemaRef = number | string | { subject: string; version: number | string };

/** Input of `validate`: data against a schema id or a subject version. */
export type ValidateInput = { data: unknown; strict?: boolean; messageName?: string } & (
  | { schemaId: number | string }
  | { subject: string; version?: number | string }
);

/** The server's verdict on one document. */
export interface DataValidation {
  valid: boolean;
  schemaId: number | null;
  errors: ValidationIssue[];
  warnings: string[];
  validationTimeMs: number;
}

/** Input of `validateSchema`. */
export interface ValidateSchemaInput {
  /** A JSON value (JSON Schema, Avro) or text (any format; Protobuf is always text). */
  schema: unknown;
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

/** Whether a schema is well-formed: problems with where they are, or its canonical form. */
export interface SchemaValidation {
  valid: boolean;
  /** Problems found; `line` and `column` are 1-based, null when unknown. */
  problems: { path: string; message: string; line: number | null; column: number | null }[];
  /** Fingerprint of the canonical form, when valid. */
  fingerprint: string | null;
  /** Canonical form, when valid. */
  canonical: string | null;
}

/** Input of `checkCompatibility`. */
export interface CompatibilityCheckInput {
  subject: string;
  schema: unknown;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  level?: string;
  version?: number | string;
}

/** The verdict of a compatibility check. */
export interface CompatibilityResult {
  compatible: boolean;
  level: string;
  comparedVersions: number[];
  violations: CompatibilityViolation[];
}

/** A configuration (global when `subject` is null); effective values only on reads. */
export interface RegistryConfig {
  subject: string | null;
  compatibilityLevel: string | null;
  mode: string | null;
  effectiveCompatibilityLevel?: string;
  effectiveMode?: string;
}

/** A change in the registry, from the change stream (keys camelCased). */
export interface ChangeEvent {
  /** The SSE event id, used to resume with `Last-Event-ID`. */
  id: string | undefined;
  /** The SSE event name (`message` when the server names none). */
  event: string;
  /**
   * The event's data: parsed JSON with keys camelCased (for example
   * `{ type, subject, version, schemaId }`), or the raw text when it is not JSON.
   */
  data: unknown;
}
