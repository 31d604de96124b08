/**
 * @llmsr/compatibility: compatibility checks (seven levels) for JSON Schema, Avro and Protobuf.
 * @module
 */

// Avro
export { avroCompatibility } from './avro/avro-compatibility.js';
export type { AvroNode } from './avro/avro-node.js';
export { avroNodeFromJson } from './avro/avro-node-from-json.js';
export { avroNodeFromType } from './avro/avro-node-from-type.js';
export {
  type AvroIncompatibility,
  type AvroIncompatibilityType,
  checkAvroReaderWriter,
} from './avro/check-avro-reader-writer.js';
// Level engine
export {
  type CheckCompatibilityInput,
  checkCompatibility,
  DEFAULT_CHECK_BUDGET_MS,
} from './check-compatibility.js';
export {
  CompatibilityCheckError,
  type CompatibilityCheckErrorCode,
} from './compatibility-check-error.js';
export {
  COMPATIBILITY_LEVELS,
  DEFAULT_COMPATIBILITY_LEVEL,
  isCompatibilityLevel,
  type LevelPlan,
  planOf,
} from './compatibility-levels.js';
export { type CompatibilityCheckers, defaultCheckers } from './default-checkers.js';
// Diffs and semver
export { diffSchemas } from './diff-schemas.js';
// JSON Schema
export type { JsonCompatibilityPolicy } from './json/json-compatibility-policy.js';
export {
  createJsonSchemaCompatibility,
  type JsonSchemaCompatibilityOptions,
  jsonSchemaCompatibility,
} from './json/json-schema-compatibility.js';
// Protobuf
export { compareProtobufSchemas } from './protobuf/compare-protobuf-schemas.js';
export { protobufCompatibility } from './protobuf/protobuf-compatibility.js';
export {
  PROTOBUF_COMPATIBLE_CHANGES,
  type ProtobufDifference,
  type ProtobufDifferenceType,
} from './protobuf/protobuf-difference.js';
export { nextSemver, semverBump } from './semver-bump.js';
export type * from './types.js';
