import {
  type AjvPoolOptions,
  createAjvPool,
  createJsonSchemaFormat,
  getSchemaFormat,
  type SchemaFormat,
  type SchemaType,
} from '@llmsr/validation';

/** The format that parses and compiles schemas of a type, locally. */
export type FormatOf = (schemaType: SchemaType) => SchemaFormat;

/**
 * The formats the client reads fetched schemas with: validation's own, or, given `jsonSchemas`,
 * a JSON Schema format whose schemas may `$ref` those known schemas and use those keywords (the
 * registry's ML types, for example), so local validation agrees with the server's.
 *
 * @example
 * ```ts
 * const formatOf = createFormatOf({ knownSchemas: ML_TYPE_SCHEMAS, keywords: ML_TYPE_KEYWORDS });
 * ```
 */
export function createFormatOf(jsonSchemas: AjvPoolOptions | undefined): FormatOf {
  if (jsonSchemas === undefined) return getSchemaFormat;
  const json = createJsonSchemaFormat(createAjvPool(jsonSchemas));
  return (schemaType) => (schemaType === 'JSON' ? json : getSchemaFormat(schemaType));
}
