import type { SchemaType } from '@llmsr/validation';
import { jsonSchemaCompatibility } from './json/json-schema-compatibility.js';
import type { FormatCompatibilityChecker } from './types.js';

/** Checkers by schema type; a partial map can be passed to override or add formats. */
export type CompatibilityCheckers = Partial<Record<SchemaType, FormatCompatibilityChecker>>;

/** The built-in checkers (JSON Schema STRICT; Avro and Protobuf when their checkers are present). */
export const defaultCheckers: CompatibilityCheckers = Object.freeze({
  JSON: jsonSchemaCompatibility,
});
