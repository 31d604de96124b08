import { avroFormat } from './avro/avro-format.js';
import { jsonSchemaFormat } from './json/json-schema-format.js';
import { protobufFormat } from './protobuf/protobuf-format.js';
import type { SchemaFormat, SchemaType } from './schema-format.js';

const FORMATS: Readonly<Record<SchemaType, SchemaFormat>> = {
  JSON: jsonSchemaFormat,
  AVRO: avroFormat,
  PROTOBUF: protobufFormat,
};

/**
 * The {@link SchemaFormat} of a schema type; throws a `TypeError` naming the type for anything
 * else (the type usually comes from a request body).
 *
 * @example
 * ```ts
 * const format = getSchemaFormat('AVRO');
 * const parsed = format.parse('{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}');
 * format.compile(parsed).validate({ id: 1 }); // { valid: true, ... }
 * ```
 */
export function getSchemaFormat(type: SchemaType): SchemaFormat {
  const format = Object.hasOwn(FORMATS, type) ? FORMATS[type] : undefined;
  if (!format) {
    throw new TypeError(
      `unknown schema type ${JSON.stringify(type)} (expected JSON, AVRO or PROTOBUF)`,
    );
  }
  return format;
}
