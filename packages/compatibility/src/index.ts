/**
 * @llmsr/compatibility: compatibility checks (seven levels) for JSON Schema, Avro and Protobuf.
 * @module
 */
export type * from './types.js';
