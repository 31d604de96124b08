/**
 * The three schema formats the registry stores, in the order the native API lists them.
 * (Confluent's `GET /schemas/types` answers them in its own order; that route keeps it.)
 */
export const SCHEMA_TYPES = Object.freeze(['JSON', 'AVRO', 'PROTOBUF'] as const);

/** A schema format: JSON Schema, Avro or Protobuf. */
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/**
 * True when `value` is one of the {@link SCHEMA_TYPES} names (exact, upper-case). Parsers that
 * accept other spellings (`json`, `JSONSCHEMA`) normalise before asking.
 *
 * @example
 * ```ts
 * isSchemaType('AVRO'); // true
 * isSchemaType('avro'); // false
 * ```
 */
export function isSchemaType(value: unknown): value is SchemaType {
  return typeof value === 'string' && (SCHEMA_TYPES as readonly string[]).includes(value);
}
