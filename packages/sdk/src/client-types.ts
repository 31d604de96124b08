import type { SchemaType } from '@llmsr/spec';
import type * as Wire from '@llmsr/spec/rest';
import type {
  CamelCaseKeys,
  NullWhenAbsent,
  UndefinedWhenAbsent,
  WithFields,
} from './camel-case-keys.js';

// The SDK's public types are the REST wire types of `@llmsr/spec/rest` (the schemas the server
// validates with and generates its OpenAPI document from) with keys camelCased. Where the SDK's
// API differs from the wire on purpose, the difference is spelled out with `WithFields` and says
// why; every other field follows the wire.

/** The three schema formats (defined once in `@llmsr/spec`, re-exported for this package's API). */
export type { SchemaType } from '@llmsr/spec';

/** A schema another one references (Confluent references). */
export type SchemaReference = CamelCaseKeys<Wire.SchemaReference>;

/**
 * The schema and its metadata stay opaque JSON values (the SDK hands them to codecs as they are),
 * and the Connect transport reports an unset semver or level as null.
 */
type VersionFields = {
  /** A JSON value for JSON Schema and Avro, `.proto` text for Protobuf. */
  schema: unknown;
  metadata: unknown;
  semver: string | null;
  compatibilityLevel: Wire.SchemaVersionBody['compatibility_level'] | null;
};

/** One version of a subject. */
export type SchemaVersion = WithFields<CamelCaseKeys<Wire.SchemaVersionBody>, VersionFields>;

/** The result of registering: the version, and whether it was new. */
export type RegisteredSchema = SchemaVersion &
  Pick<CamelCaseKeys<Wire.RegisterResponse>, 'created' | 'warnings'>;

/** A schema by global id or guid: its content, first live version and every use. */
export type SchemaById = WithFields<
  CamelCaseKeys<Wire.SchemaBody>,
  Pick<VersionFields, 'schema' | 'metadata'>
>;

/** A request body's fields in camelCase, without the wire's `null` for "not set". */
type CamelRequest<T> = { [K in keyof CamelCaseKeys<T>]: Exclude<CamelCaseKeys<T>[K], null> };

/**
 * What the SDK's inputs check more strictly than the wire (which leaves schema types, references
 * and metadata to the registry): a known schema type, typed references, an object of metadata.
 */
type SchemaInputFields = {
  /** A JSON value (JSON Schema, Avro) or text (any format; Protobuf is always text). */
  schema: unknown;
  schemaType?: SchemaType;
  references?: SchemaReference[];
};

/** Input of `register` (`semver` is sent as the wire's `version`). */
export type RegisterInput = Pick<
  WithFields<
    CamelRequest<Wire.RegisterRequest>,
    SchemaInputFields & { metadata?: Record<string, unknown> }
  >,
  keyof SchemaInputFields | 'metadata' | 'subject' | 'compatibilityLevel' | 'createdBy'
> & {
  /** A semver to give the new version (`version` on the wire). */
  semver?: CamelRequest<Wire.RegisterRequest>['version'];
  /** Lint the schema for these LLM providers first (REST transport only); issues come back as `warnings`. */
  lintFor?: string[];
  /** `enforce`: a lint error refuses the schema (`PROVIDER_LINT_FAILED`, 422); `warn` by default. */
  lintMode?: 'warn' | 'enforce';
};

/** Where a schema lives: a global id or guid, or a subject version (number, semver or `latest`). */
export type SchemaRef = number | string | { subject: string; version: number | string };

/** The fields of a data validation request, camelCased (`schema_id` -> `schemaId`). */
type ValidateFields = CamelRequest<Wire.ValidateDataRequest>;

/** Input of `validate`: data against a schema id or a subject version. */
export type ValidateInput = Pick<ValidateFields, 'strict' | 'messageName'> & {
  data: unknown;
} & (
    | Required<Pick<ValidateFields, 'schemaId'>>
    | (Required<Pick<ValidateFields, 'subject'>> & Pick<ValidateFields, 'version'>)
  );

/** The server's verdict on one document; the Connect transport reports no schema id as null. */
export type DataValidation = WithFields<
  CamelCaseKeys<Wire.ValidateDataResponse>,
  { schemaId: Wire.ValidateDataResponse['schema_id'] | null }
>;

/** Input of `validateSchema`. */
export type ValidateSchemaInput = WithFields<
  Pick<CamelRequest<Wire.ValidateSchemaRequest>, keyof SchemaInputFields>,
  SchemaInputFields
>;

/**
 * Whether a schema is well-formed: problems with where they are (`line` and `column` 1-based),
 * or its fingerprint and canonical form. What the server leaves out reads as null.
 */
export type SchemaValidation = WithFields<
  NullWhenAbsent<CamelCaseKeys<Wire.ValidateSchemaResponse>>,
  { problems: NullWhenAbsent<CamelCaseKeys<Wire.ValidateSchemaResponse['problems'][number]>>[] }
>;

/** Input of `checkCompatibility`. */
export type CompatibilityCheckInput = Pick<
  WithFields<CamelRequest<Wire.CompatibilityCheckRequest>, SchemaInputFields>,
  keyof SchemaInputFields | 'subject' | 'level' | 'version'
>;

/**
 * One compatibility violation (camelCase). Absent fields are present as `undefined`; severity and
 * direction are plain strings because error details and Connect enums may carry newer values.
 */
export type CompatibilityViolation = WithFields<
  UndefinedWhenAbsent<CamelCaseKeys<Wire.CompatibilityReport['violations'][number]>>,
  { severity: string | undefined; direction: string | undefined }
>;

/** The verdict of a compatibility check (the Connect transport reports an unset level as ''). */
export type CompatibilityResult = WithFields<
  CamelCaseKeys<Wire.CompatibilityReport>,
  { level: Wire.CompatibilityReport['level'] | ''; violations: CompatibilityViolation[] }
>;

/** A configuration (global when `subject` is null); effective values only on reads. */
export type RegistryConfig = Pick<
  CamelCaseKeys<Wire.ConfigBody>,
  'subject' | 'compatibilityLevel' | 'mode'
> &
  Partial<
    Pick<CamelCaseKeys<Wire.EffectiveConfigBody>, 'effectiveCompatibilityLevel' | 'effectiveMode'>
  >;

/** Input of `setConfig`: the subject (global when absent) and the fields to set. */
export type SetConfigInput = { subject?: string } & Pick<
  CamelRequest<Wire.ConfigUpdateRequest>,
  'compatibilityLevel' | 'mode'
>;

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

/** Options of `compileSignature`. */
export type CompileSignatureOptions = Omit<CamelRequest<Wire.CompileSignatureRequest>, 'signature'>;

/**
 * A compiled signature: the JSON Schemas of its inputs and outputs (as the server wrote them,
 * keys untouched) and its prompt fields.
 */
export type CompiledSignature = WithFields<
  CamelCaseKeys<Wire.CompileSignatureResponse>,
  {
    inputSchema: Wire.CompileSignatureResponse['input_schema'];
    outputSchema: Wire.CompileSignatureResponse['output_schema'];
  }
>;
