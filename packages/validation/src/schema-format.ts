import type { SchemaType } from '@llmsr/spec';

/** The three schema formats (defined once in `@llmsr/spec`, re-exported for this package's API). */
export type { SchemaType } from '@llmsr/spec';

/** A schema this one references, already resolved to its text (Confluent references). */
export interface ResolvedReference {
  /** The name the referencing schema uses: JSON `$ref`/`$id`, Avro full name, proto import path. */
  name: string;
  subject: string;
  version: number;
  schemaType: SchemaType;
  schema: string;
  /** The referenced schema's own references, resolved (transitively). */
  references: ResolvedReference[];
}

/** Where in a schema or a document a problem is. */
export interface SchemaProblem {
  /** JSON pointer (JSON Schema), field path (Avro) or `line:column` (Protobuf). */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** A schema that failed to parse or check; `problems` says where. */
export class SchemaParseError extends Error {
  override readonly name = 'SchemaParseError';
  constructor(
    message: string,
    readonly problems: SchemaProblem[],
  ) {
    super(message);
  }
}

/** A parsed, well-formed schema. */
export interface ParsedSchema {
  schemaType: SchemaType;
  /**
   * Canonical text: formatting-insensitive but keeping every attribute that can change meaning
   * (JSON: sorted keys, no whitespace; Avro: full names plus defaults, doc, aliases, order,
   * logical types and custom properties; Protobuf: normalized printing without comments).
   */
  canonical: string;
  /** SHA-256 hex of `canonical`: the schema's identity (dedup and global id). */
  fingerprint: string;
  /**
   * Avro only: SHA-256 hex of the Parsing Canonical Form, for wire-compatibility lookups. Not the
   * identity: it drops defaults, doc, aliases, order and logical types.
   */
  pcfFingerprint?: string;
  /** JSON Schema only: the draft the schema is read under (its `$schema`, else the default given). */
  jsonDraft?: string;
  /** The format library's object (JSON value, avsc Type, protobufjs Root). */
  native: unknown;
  references: ResolvedReference[];
}

/** One validation error in a document. */
export interface ValidationIssue {
  /** JSON pointer into the data (`/items/0/name`); empty string for the root. */
  path: string;
  keyword: string;
  message: string;
}

/** Result of validating one document. */
export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: string[];
  validationTimeMs: number;
}

/** Options of a compiled validator. */
export interface ValidateOptions {
  /** Unknown properties/fields fail validation. */
  strict?: boolean;
  /** Protobuf: the message to validate (fully qualified name or index path such as `[0]`); first message by default. */
  messageName?: string;
  /**
   * Measure `validationTimeMs` (default `true`). `false` skips the two clock reads per call,
   * which cost as much as validating a small document, and reports 0.
   */
  timing?: boolean;
}

/** A compiled validator for one schema. */
export interface CompiledValidator {
  validate(data: unknown): ValidationResult;
}

/** Options of {@link SchemaFormat.parse}. */
export interface ParseOptions {
  references?: ResolvedReference[];
  /** JSON Schema: the draft used when the schema has no `$schema` (draft-07 unless given). */
  defaultJsonDraft?: string;
}

/** What each format implements. */
export interface SchemaFormat {
  readonly schemaType: SchemaType;
  /** Parse and check a schema text. Throws {@link SchemaParseError} for an invalid schema. */
  parse(schema: string, options?: ParseOptions): ParsedSchema;
  /** Compile a parsed schema for validation. */
  compile(parsed: ParsedSchema, options?: ValidateOptions): CompiledValidator;
}
