import type { AvroNode } from './avro-node.js';

const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

/** Whether Avro promotes writer data of a different primitive type to the reader's (`long` reads `int`). */
export function isAvroPromotion(reader: AvroNode, writer: AvroNode): boolean {
  if (reader.kind !== 'primitive' || writer.kind !== 'primitive') return false;
  return PROMOTIONS[reader.name]?.includes(writer.name) ?? false;
}

/** Whether two nodes have the same Avro type (`Schema.Type`): same kind, and same primitive. */
export function isSameAvroType(reader: AvroNode, writer: AvroNode): boolean {
  if (reader.kind !== writer.kind) return false;
  return reader.kind !== 'primitive' || reader.name === (writer as typeof reader).name;
}
