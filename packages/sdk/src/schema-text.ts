import type { SchemaType } from './client-types.js';

/** The schema text the parsers take: Protobuf as is, JSON Schema and Avro serialized back to JSON. */
export function schemaText(schemaType: SchemaType, schema: unknown): string {
  if (schemaType === 'PROTOBUF' && typeof schema === 'string') return schema;
  return JSON.stringify(schema);
}
