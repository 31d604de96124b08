import type { SchemaFormat } from '../schema-format.js';
import { compileProtobufValidator } from './compile-protobuf-validator.js';
import { parseProtobufSchema } from './parse-protobuf-schema.js';

/**
 * The Protobuf schema format: `.proto` parsing with protobufjs (imports from references or the
 * bundled google/protobuf files), normalized printing for fingerprints, and validators of the
 * protobuf JSON mapping.
 *
 * @example
 * const parsed = protobufFormat.parse('syntax = "proto3"; message User { int64 id = 1; }');
 * protobufFormat.compile(parsed).validate({ id: '42' }).valid; // true
 */
export const protobufFormat: SchemaFormat = {
  schemaType: 'PROTOBUF',
  parse: (schema, options) => parseProtobufSchema(schema, options?.references),
  compile: (parsed, options) => compileProtobufValidator(parsed, options),
};
