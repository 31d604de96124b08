import { avroFormat, type ParsedSchema } from '@llmsr/validation';

/** Parses an Avro schema (given as JSON) with `@llmsr/validation`'s `avroFormat`. */
export function parsedAvro(schema: unknown): ParsedSchema {
  return avroFormat.parse(JSON.stringify(schema));
}
