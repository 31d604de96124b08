/**
 * @llmsr/validation: parse, canonicalize, fingerprint and validate JSON Schema, Avro and
 * Protobuf schemas with compiled, cached validators.
 * @module
 */
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
