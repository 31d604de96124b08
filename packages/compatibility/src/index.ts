/**
 * @llmsr/compatibility: compatibility checks (seven levels) for JSON Schema, Avro and Protobuf.
 * @module
 */
export type * from './types.js';

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

// Protobuf
export { compareProtobufSchemas } from './protobuf/compare-protobuf-schemas.js';
export { protobufCompatibility } from './protobuf/protobuf-compatibility.js';
export {
  PROTOBUF_COMPATIBLE_CHANGES,
  type ProtobufDifference,
  type ProtobufDifferenceType,
} from './protobuf/protobuf-difference.js';
