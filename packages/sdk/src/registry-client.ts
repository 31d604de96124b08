import type { AjvPoolOptions, ValidateOptions, ValidationResult } from '@llmsr/validation';
import type {
  ChangeEvent,
  CompatibilityCheckInput,
  CompatibilityResult,
  CompiledSignature,
  CompileSignatureOptions,
  DataValidation,
  RegisteredSchema,
  RegisterInput,
  RegistryConfig,
  SchemaById,
  SchemaRef,
  SchemaValidation,
  SchemaVersion,
  SetConfigInput,
  ValidateInput,
  ValidateSchemaInput,
} from './client-types.js';
import type { SchemaCodec } from './create-schema-codec.js';
import type { HttpTransportOptions } from './http-transport.js';
import type {
  ParseOutputInput,
  ParseOutputResult,
  ProviderLintInput,
  ProviderLintResult,
  ProviderSchemaResult,
} from './llm-types.js';
import type { SearchInput, SearchResult } from './search-schemas.js';
import type { SubscribeOptions } from './subscribe-to-changes.js';

/** Options of `createRegistryClient`. */
export interface RegistryClientOptions extends Omit<HttpTransportOptions, 'baseUrl'> {
  baseUrl: string;
  /**
   * `rest` (the native `/api/v1` API, the default) or `connect` (Connect-RPC over HTTP/1.1 to
   * the Connect server, for example `http://localhost:8082`; config, listing and search calls
   * then fail with `NOT_SUPPORTED_BY_TRANSPORT`).
   */
  transport?: 'rest' | 'connect';
  /** Schemas kept by id (default 1,000); ids are immutable, so entries never go stale. */
  cacheSize?: number;
  /**
   * What JSON Schemas validated locally (`localValidator`, `serializer`) may use beyond JSON
   * Schema, as the registry allows: `{ knownSchemas: ML_TYPE_SCHEMAS, keywords: ML_TYPE_KEYWORDS }`
   * from `@llmsr/llm` for schemas that `$ref` the ML types. Without it such a schema does not
   * parse locally (`INVALID_RESPONSE`).
   */
  jsonSchemas?: AjvPoolOptions;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** A validator that runs in-process against a schema fetched once. */
export interface LocalValidator {
  readonly schemaId: number;
  readonly schemaType: SchemaById['schemaType'];
  validate(data: unknown): ValidationResult;
}

/** A typed client of the registry, over its native REST API or Connect-RPC. */
export interface RegistryClient {
  /** Register a schema; a 409 throws {@link IncompatibleSchemaError} with the violations. */
  register(input: RegisterInput, options?: CallOptions): Promise<RegisteredSchema>;
  /** A schema by global id or guid (cached: ids never change content). */
  getSchema(idOrGuid: number | string, options?: CallOptions): Promise<SchemaById>;
  /** One version of a subject: an integer, a semver or `latest` (the default). */
  getVersion(
    subject: string,
    version?: number | string,
    options?: CallOptions,
  ): Promise<SchemaVersion>;
  /** Subject names (`deleted` includes soft-deleted ones; `prefix` filters). */
  listSubjects(options?: CallOptions & { deleted?: boolean; prefix?: string }): Promise<string[]>;
  /** Every version of a subject, oldest first. */
  listVersions(
    subject: string,
    options?: CallOptions & { deleted?: boolean },
  ): Promise<SchemaVersion[]>;
  /** Validate data on the server. */
  validate(input: ValidateInput, options?: CallOptions): Promise<DataValidation>;
  /** Is a schema well-formed? Answers `valid: false` with locations for a bad one. */
  validateSchema(input: ValidateSchemaInput, options?: CallOptions): Promise<SchemaValidation>;
  /** Check a schema against a subject without registering it. */
  checkCompatibility(
    input: CompatibilityCheckInput,
    options?: CallOptions,
  ): Promise<CompatibilityResult>;
  /**
   * Compile a prompt signature (DSPy or atom text, or its JSON form) to the JSON Schemas of its
   * inputs and outputs and its prompt fields (`POST /api/v1/llm/signatures/compile`). A syntax
   * error throws `SIGNATURE_SYNTAX` with `details.line`, `details.column` and `details.expected`.
   * REST only.
   */
  compileSignature(
    signature: string | Record<string, unknown>,
    options?: CallOptions & CompileSignatureOptions,
  ): Promise<CompiledSignature>;
  /** The global configuration, or a subject's, with the effective values. */
  getConfig(subject?: string, options?: CallOptions): Promise<RegistryConfig>;
  /** Set the global configuration, or a subject's when `subject` is given. */
  setConfig(input: SetConfigInput, options?: CallOptions): Promise<RegistryConfig>;
  /** Text search (`GET /api/v1/search`); `ROUTE_UNAVAILABLE` on a server without it. */
  search(input: SearchInput, options?: CallOptions): Promise<SearchResult>;
  /** Follow registry changes (SSE, or StreamSchemaChanges over Connect), resuming after a drop. */
  subscribe(options?: SubscribeOptions): AsyncGenerator<ChangeEvent, void, undefined>;
  /** Fetch a schema once, then validate in-process with no network per call. */
  localValidator(ref: SchemaRef, options?: ValidateOptions & CallOptions): Promise<LocalValidator>;
  /**
   * Lint a JSON Schema (inline or registered) against a provider's structured-output rules
   * (`POST /api/v1/llm/lint`; REST transport only).
   */
  lintForProvider(input: ProviderLintInput, options?: CallOptions): Promise<ProviderLintResult>;
  /** The provider-ready variant of a JSON Schema, with every change (REST transport only). */
  providerSchema(input: ProviderLintInput, options?: CallOptions): Promise<ProviderSchemaResult>;
  /**
   * Find, repair and validate the JSON in a model's reply against a registered schema on the
   * server (REST transport only). For in-process parsing use `@llmsr/llm`'s `parseModelOutput`.
   */
  parseOutput(input: ParseOutputInput, options?: CallOptions): Promise<ParseOutputResult>;
  /** A Confluent wire-format serializer for a schema (fetched once). */
  serializer(
    ref: SchemaRef,
    options?: CallOptions & { messageName?: string },
  ): Promise<SchemaCodec>;
  /** Decode a Confluent frame, fetching its writer schema by id on first sight. */
  deserialize(
    bytes: Uint8Array,
    options?: CallOptions,
  ): Promise<{ schemaId: number; value: unknown }>;
}
