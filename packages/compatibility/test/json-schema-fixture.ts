import { jsonSchemaFormat, type ParsedSchema, type ResolvedReference } from '@llmsr/validation';

/** Parse a JSON Schema value with the real JSON Schema format (meta-schema checked, refs resolved). */
export function jsonSchema(value: unknown, references: ResolvedReference[] = []): ParsedSchema {
  return jsonSchemaFormat.parse(JSON.stringify(value), { references });
}

/**
 * A ParsedSchema built without the parser (native = the JSON value), for hostile input the
 * parser rightly rejects but the checker must still survive.
 */
export function rawJsonSchema(value: unknown, references: ResolvedReference[] = []): ParsedSchema {
  const text = JSON.stringify(value);
  return {
    schemaType: 'JSON',
    canonical: text,
    fingerprint: '',
    native: JSON.parse(text),
    references,
  };
}

/** A resolved reference to another JSON schema, by the name `$ref` uses. */
export function jsonReference(name: string, value: unknown): ResolvedReference {
  return {
    name,
    subject: name,
    version: 1,
    schemaType: 'JSON',
    schema: JSON.stringify(value),
    references: [],
  };
}
