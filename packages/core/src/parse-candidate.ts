import type { SchemaType } from '@llmsr/storage';
import type { ParsedSchema, ResolvedReference } from '@llmsr/validation';
import { parseSchemaOrThrow } from './parse-schema-or-throw.js';

/**
 * Parse a schema a client sent (to register, look up or check) under a subject's settings:
 * JSON Schema without `$schema` is read under `jsonSchemaDefaultDraft`, and with `normalize`
 * the schema becomes its normalized form.
 *
 * Normalize (Confluent's `normalize`): the text kept is the format's canonical form
 * (`parsed.canonical`: JSON with sorted keys, no whitespace and the `$schema` of the draft it
 * was read under, so the stored text keeps its meaning whatever the default draft later; the
 * format's canonical Avro and Protobuf text), re-parsed so the stored text and the parsed schema
 * agree. The
 * identity (fingerprint) is already computed from that canonical form, so versions are found
 * and deduplicated the same way with or without it; what normalize changes is the text
 * stored for a new schema and returned by `GET /schemas/ids/{id}`: the canonical form
 * instead of the text as sent.
 * @throws RegistryError `INVALID_SCHEMA`.
 */
export function parseCandidate(input: {
  schemaType: SchemaType;
  text: string;
  references: ResolvedReference[];
  normalize: boolean;
  jsonSchemaDefaultDraft: string;
}): { text: string; parsed: ParsedSchema } {
  const options = { defaultJsonDraft: input.jsonSchemaDefaultDraft };
  const parsed = parseSchemaOrThrow(input.schemaType, input.text, input.references, options);
  if (!input.normalize || parsed.canonical === input.text) return { text: input.text, parsed };
  const text = parsed.canonical;
  return {
    text,
    parsed: parseSchemaOrThrow(input.schemaType, text, input.references, options),
  };
}
