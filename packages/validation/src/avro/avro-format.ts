import { type SchemaFormat, SchemaParseError } from '../schema-format.js';

/** The Avro schema format (work in progress). */
export const avroFormat: SchemaFormat = {
  schemaType: 'AVRO',
  parse() {
    throw new SchemaParseError('Avro support is not implemented yet', []);
  },
  compile() {
    throw new SchemaParseError('Avro support is not implemented yet', []);
  },
};
