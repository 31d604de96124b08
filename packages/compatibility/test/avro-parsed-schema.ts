import { createHash } from 'node:crypto';
import type { ParsedSchema } from '@llmsr/validation';
import avsc from 'avsc';

/**
 * Builds an AVRO `ParsedSchema` the way `@llmsr/validation` does: an avsc `Type` created with
 * `forSchema(json, { registry })`, defaults and aliases kept.
 */
export function parsedAvro(schema: unknown): ParsedSchema {
  const native = avsc.Type.forSchema(schema as avsc.Schema, { registry: {} });
  const text = JSON.stringify(native.schema());
  return {
    schemaType: 'AVRO',
    canonical: text,
    fingerprint: createHash('sha256').update(text).digest('hex'),
    native,
    references: [],
  };
}
