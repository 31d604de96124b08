import { type SchemaFormat, SchemaParseError } from '../schema-format.js';

/** The Protobuf schema format (work in progress). */
export const protobufFormat: SchemaFormat = {
  schemaType: 'PROTOBUF',
  parse() {
    throw new SchemaParseError('Protobuf support is not implemented yet', []);
  },
  compile() {
    throw new SchemaParseError('Protobuf support is not implemented yet', []);
  },
};
