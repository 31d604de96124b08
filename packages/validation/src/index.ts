/**
 * @llmsr/validation: parse, canonicalize, fingerprint and validate JSON Schema, Avro and
 * Protobuf schemas with compiled, cached validators.
 * @module
 */

/** Avro: format, Parsing Canonical Form, identity canonical form, binary codec. */
export { avroCanonicalForm } from './avro/avro-canonical-form.js';
export { decodeAvro, encodeAvro } from './avro/avro-codec.js';
export { AvroDataError } from './avro/avro-data-error.js';
export { avroFormat } from './avro/avro-format.js';
export { avroIdentityForm } from './avro/avro-identity-form.js';
export { AVRO_PRIMITIVES } from './avro/avro-names.js';
/** Compiled-validator cache (LRU). */
export type {
  ValidatorCache,
  ValidatorCacheOptions,
  ValidatorCacheStats,
} from './cache/create-validator-cache.js';
export { createValidatorCache, validatorCacheKey } from './cache/create-validator-cache.js';
/** One entry point for all three formats. */
export type { CreateValidatorOptions, ParseSchemaOptions } from './create-validator.js';
export { compileSchema, createValidator, parseSchema } from './create-validator.js';
export { getSchemaFormat } from './get-schema-format.js';
/** JSON Schema: format, drafts, canonical JSON, limits. */
export type { AjvPool, AjvPoolOptions } from './json/ajv-pool.js';
export { createAjvPool } from './json/ajv-pool.js';
export { MAX_COMPILE_UNITS } from './json/assert-compile-budget.js';
export { canonicalJson } from './json/canonical-json.js';
export type { JsonDraft } from './json/detect-json-draft.js';
export {
  DEFAULT_JSON_DRAFT,
  detectJsonDraft,
  JSON_DRAFT_SCHEMA_URIS,
  JSON_DRAFTS,
  jsonDraftFromName,
  jsonDraftFromNameOrThrow,
} from './json/detect-json-draft.js';
export { jsonSchemaCanonicalForm } from './json/json-schema-canonical-form.js';
export type { JsonSchemaFormat } from './json/json-schema-format.js';
export {
  createJsonSchemaFormat,
  jsonDraftOf,
  jsonSchemaFormat,
} from './json/json-schema-format.js';
export { MAX_SCHEMA_CONTAINERS, MAX_SCHEMA_DEPTH } from './json/parse-json-text.js';
/** Protobuf: format, message lookup, the schema file's facts, binary codec. */
export { findProtobufMessage } from './protobuf/find-protobuf-message.js';
export { PROTOBUF_MAIN_FILE } from './protobuf/parse-protobuf-schema.js';
export type { ProtobufCodecOptions } from './protobuf/protobuf-codec.js';
export { decodeProtobuf, encodeProtobuf } from './protobuf/protobuf-codec.js';
export { ProtobufDataError } from './protobuf/protobuf-data-error.js';
export type { ProtobufFileInfo } from './protobuf/protobuf-file-info.js';
export { getProtobufFileInfo } from './protobuf/protobuf-file-info.js';
export { protobufFormat } from './protobuf/protobuf-format.js';
/** Schema regular expressions on RE2: linear-time matching. */
export type { LinearRegExp } from './regex/compile-linear-reg-exp.js';
export { compileLinearRegExp } from './regex/compile-linear-reg-exp.js';
export type {
  CompiledValidator,
  ParsedSchema,
  ParseOptions,
  ResolvedReference,
  SchemaFormat,
  SchemaProblem,
  SchemaType,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from './schema-format.js';
export { SchemaParseError } from './schema-format.js';
