/**
 * @llmsr/validation: parse, canonicalize, fingerprint and validate JSON Schema, Avro and
 * Protobuf schemas with compiled, cached validators.
 * @module
 */

/** Avro: format, Parsing Canonical Form, binary codec. */
export { avroCanonicalForm } from './avro/avro-canonical-form.js';
export { decodeAvro, encodeAvro } from './avro/avro-codec.js';
export { AvroDataError } from './avro/avro-data-error.js';
export { avroFormat } from './avro/avro-format.js';
export type {
  CompiledValidator,
  ParsedSchema,
  ResolvedReference,
  SchemaFormat,
  SchemaProblem,
  SchemaType,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from './schema-format.js';
export { SchemaParseError } from './schema-format.js';
