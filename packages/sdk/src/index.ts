/**
 * @llmsr/sdk: a typed client of the llmsr REST or Connect-RPC API (retries, timeouts, schema cache, change
 * stream), in-process validation, and Confluent wire-format serializers.
 * @module
 */
/** Result types of local validation, from `@llmsr/validation`. */
export type { ValidationIssue, ValidationResult } from '@llmsr/validation';
export type { ClientAuthOptions, ClientCredentials } from './client-credentials.js';
export { createClientCredentials } from './client-credentials.js';
export type {
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
  SchemaReference,
  SchemaType,
  SchemaValidation,
  SchemaVersion,
  ValidateInput,
  ValidateSchemaInput,
} from './client-types.js';
export { createRegistryClient } from './create-registry-client.js';
export type { SchemaCodec, SchemaCodecOptions } from './create-schema-codec.js';
export { createSchemaCodec } from './create-schema-codec.js';
export type { HttpTransportOptions } from './http-transport.js';
export type {
  LlmSchemaRef,
  ParseOutputInput,
  ParseOutputResult,
  ProviderLintInput,
  ProviderLintIssue,
  ProviderLintResult,
  ProviderSchemaResult,
} from './llm-types.js';
export { protobufMessageIndexes } from './protobuf-message-indexes.js';
export type {
  CallOptions,
  LocalValidator,
  RegistryClient,
  RegistryClientOptions,
} from './registry-client.js';
export type {
  AuthErrorCode,
  ClientErrorCode,
  CompatibilityViolation,
} from './registry-client-error.js';
export {
  IncompatibleSchemaError,
  isAuthErrorCode,
  isRegistryClientError,
  RegistryAuthError,
  RegistryClientError,
} from './registry-client-error.js';
export type { RetryOptions } from './retry-policy.js';
export { DEFAULT_RETRY } from './retry-policy.js';
export type { SearchInput, SearchResult } from './search-schemas.js';
export type { SubscribeOptions } from './subscribe-to-changes.js';
export type { WireFrame } from './wire-format.js';
export {
  decodeMessageIndexes,
  decodeWireFormat,
  encodeMessageIndexes,
  encodeWireFormat,
  MAGIC_BYTE,
  readSchemaId,
} from './wire-format.js';
