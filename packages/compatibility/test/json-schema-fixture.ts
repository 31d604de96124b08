import type { ParsedSchema, ResolvedReference } from '@llmsr/validation';

/**
 * A ParsedSchema for a JSON Schema value, built the way the JSON format does (native = the JSON
 * value) so these tests do not depend on the parser.
 */
export function jsonSchema(value: unknown, references: ResolvedReference[] = []): ParsedSchema {
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
