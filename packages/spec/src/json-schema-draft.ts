/**
 * The JSON Schema drafts the registry reads, oldest first: the values of the
 * `jsonSchemaDefaultDraft` config setting (Confluent's list) for a schema without `$schema`.
 */
export const JSON_SCHEMA_DRAFTS = Object.freeze([
  'draft-04',
  'draft-06',
  'draft-07',
  '2019-09',
  '2020-12',
] as const);

/** A JSON Schema draft name, as the `jsonSchemaDefaultDraft` config setting spells it. */
export type JsonSchemaDraft = (typeof JSON_SCHEMA_DRAFTS)[number];

/**
 * True when `value` is one of the {@link JSON_SCHEMA_DRAFTS} names, spelled exactly.
 *
 * @example
 * ```ts
 * isJsonSchemaDraft('2020-12'); // true
 * isJsonSchemaDraft('draft7'); // false
 * ```
 */
export function isJsonSchemaDraft(value: unknown): value is JsonSchemaDraft {
  return typeof value === 'string' && (JSON_SCHEMA_DRAFTS as readonly string[]).includes(value);
}
