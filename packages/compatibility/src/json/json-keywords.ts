/**
 * Keywords that constrain instances. Anything else (annotations such as `title`, `description`,
 * `default`, `examples`, `$comment`, `$id`, `$defs`, or unknown extension keywords) never makes
 * a schema accept fewer values, so it is ignored by the compatibility check.
 */
export const ASSERTION_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  '$dynamicRef',
  '$recursiveRef',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'maxContains',
  'minContains',
  'maxItems',
  'minItems',
  'uniqueItems',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'required',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'maxProperties',
  'minProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
]);

/** Keywords whose values are documentation only; a diff touching only these is a patch. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'examples',
  '$comment',
]);

/** The keywords that only apply to one instance type (used to infer the type of untyped schemas). */
export const KEYWORD_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  object: [
    'properties',
    'patternProperties',
    'additionalProperties',
    'unevaluatedProperties',
    'propertyNames',
    'required',
    'dependentRequired',
    'dependentSchemas',
    'dependencies',
    'maxProperties',
    'minProperties',
  ],
  array: [
    'items',
    'prefixItems',
    'additionalItems',
    'unevaluatedItems',
    'contains',
    'maxContains',
    'minContains',
    'maxItems',
    'minItems',
    'uniqueItems',
  ],
  string: ['maxLength', 'minLength', 'pattern'],
  number: ['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum'],
};

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the schema constrains nothing (`true`, `{}`, or only annotations). */
export function isEmptySchema(schema: unknown): boolean {
  if (schema === true) return true;
  if (!isJsonObject(schema)) return false;
  for (const key in schema) if (ASSERTION_KEYWORDS.has(key)) return false;
  return true;
}
