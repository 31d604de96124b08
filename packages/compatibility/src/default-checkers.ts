import type { SchemaType } from '@llmsr/validation';
import { avroCompatibility } from './avro/avro-compatibility.js';
import { jsonSchemaCompatibility } from './json/json-schema-compatibility.js';
import { protobufCompatibility } from './protobuf/protobuf-compatibility.js';
import type { FormatCompatibilityChecker } from './types.js';

/** Checkers by schema type; a partial map can be passed to override or add formats. */
export type CompatibilityCheckers = Partial<Record<SchemaType, FormatCompatibilityChecker>>;

/** The built-in checkers: JSON Schema (STRICT policy), Avro and Protobuf. */
export const defaultCheckers: Readonly<Record<SchemaType, FormatCompatibilityChecker>> =
  Object.freeze({
    JSON: jsonSchemaCompatibility,
    AVRO: avroCompatibility,
    PROTOBUF: protobufCompatibility,
  });
