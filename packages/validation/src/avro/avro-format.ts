import type { SchemaFormat } from '../schema-format.js';
import { compileAvroValidator } from './compile-avro-validator.js';
import { parseAvroSchema } from './parse-avro-schema.js';

/**
 * The Avro schema format: parsing with avsc plus the specification's checks (names, defaults,
 * logical types), an identity canonical form keeping every meaningful attribute, the Parsing
 * Canonical Form, SHA-256 fingerprints and avsc-backed validators.
 *
 * @example
 * const parsed = avroFormat.parse('{"type":"record","name":"User","fields":[{"name":"id","type":"long"}]}');
 * avroFormat.compile(parsed).validate({ id: 1 }).valid; // true
 */
export const avroFormat: SchemaFormat = {
  schemaType: 'AVRO',
  parse: (schema, options) => parseAvroSchema(schema, options?.references),
  compile: (parsed, options) => compileAvroValidator(parsed, options),
};
