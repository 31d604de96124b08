/**
 * Keywords whose subschemas apply to a child of the instance (a property value or an item):
 * such a subschema describes a new object, so strict mode closes it.
 */
const CHILD_MAP_KEYWORDS = ['properties', 'patternProperties'] as const;
const CHILD_SCHEMA_KEYWORDS = [
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'additionalItems',
  'unevaluatedItems',
] as const;
const CHILD_LIST_KEYWORDS = ['items', 'prefixItems'] as const;
/**
 * Keywords whose subschemas apply to the instance itself: their properties count as evaluated
 * by the closing `unevaluatedProperties`, so they are not closed themselves (that would break
 * `allOf` composition), but objects nested inside them are.
 */
const IN_PLACE_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_SCHEMA_KEYWORDS = ['then', 'else'] as const;
const IN_PLACE_MAP_KEYWORDS = ['dependentSchemas', 'dependencies', '$defs', 'definitions'] as const;
/** Keywords that only annotate: a schema made of these alone accepts anything, strict or not. */
const ANNOTATIONS = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/**
 * Returns a copy of a schema in which every object-describing subschema at an instance
 * location (the root, property values, items) gets `unevaluatedProperties: false`, so that
 * properties no keyword evaluates fail validation, at every nesting level.
 *
 * Choices: `unevaluatedProperties` (rather than `additionalProperties`) sees through `allOf`,
 * `$ref`, `if/then/else` and `dependentSchemas`, so composed schemas keep working. Schemas that
 * already say `unevaluatedProperties`, and schemas with no constraining keyword (`{}`, `true`,
 * only a title), are left alone: their author explicitly allowed anything. `not`, `if`,
 * `contains` and `propertyNames` are not entered, because closing objects inside them would
 * change which documents they match rather than reject unknown properties.
 */
export function toStrictSchema(schema: unknown, options: { injectAtRoot?: boolean } = {}): unknown {
  return transform(schema, options.injectAtRoot ?? true);
}

function transform(schema: unknown, close: boolean): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const source = schema as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) setOwn(copy, key, source[key]);
  for (const keyword of CHILD_MAP_KEYWORDS) copy[keyword] = mapValues(source[keyword], true);
  for (const keyword of IN_PLACE_MAP_KEYWORDS) copy[keyword] = mapValues(source[keyword], false);
  for (const keyword of CHILD_SCHEMA_KEYWORDS)
    copy[keyword] = transformSchema(source[keyword], true);
  for (const keyword of IN_PLACE_SCHEMA_KEYWORDS)
    copy[keyword] = transformSchema(source[keyword], false);
  for (const keyword of CHILD_LIST_KEYWORDS)
    copy[keyword] = mapList(copy[keyword], source[keyword], true);
  for (const keyword of IN_PLACE_LIST_KEYWORDS)
    copy[keyword] = mapList(undefined, source[keyword], false);
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  if (close && !Object.hasOwn(source, 'unevaluatedProperties') && constrains(source)) {
    copy.unevaluatedProperties = false;
  }
  return copy;
}

function transformSchema(value: unknown, close: boolean): unknown {
  if (value === undefined || Array.isArray(value)) return value;
  return transform(value, close);
}

function mapList(current: unknown, value: unknown, close: boolean): unknown {
  if (!Array.isArray(value)) return current ?? value;
  return value.map((item) => transform(item, close));
}

function mapValues(value: unknown, close: boolean): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) setOwn(copy, key, transform(source[key], close));
  return copy;
}

function constrains(schema: Record<string, unknown>): boolean {
  for (const key of Object.keys(schema)) if (!ANNOTATIONS.has(key)) return true;
  return false;
}

/** Assigns an own property even for `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
