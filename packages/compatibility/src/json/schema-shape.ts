import {
  ASSERTION_KEYWORDS,
  isEmptySchema,
  isJsonObject,
  KEYWORD_FAMILIES,
} from './json-keywords.js';

/** The JSON Schema instance types. */
export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

/** One member of a combination and its pointer relative to the combining schema. @internal */
export interface ShapePart {
  schema: unknown;
  path: string;
}

/**
 * A dereferenced schema seen as one of: anything, nothing, a combination, a negation, or a
 * simple schema of (at most) one type. @internal
 */
export type SchemaShape =
  | { kind: 'any' }
  | { kind: 'nothing' }
  | { kind: 'allOf' | 'anyOf' | 'oneOf'; parts: ShapePart[] }
  | { kind: 'not'; negated: unknown }
  | { kind: 'simple'; node: Record<string, unknown>; type: JsonType | undefined };

const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;
const JSON_TYPES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'object',
  'array',
  'number',
  'integer',
  'string',
]);

// Derived views are cached so the same input always yields the same object (the pair memo keys on identity).
const views = new WeakMap<object, Map<string, Record<string, unknown>>>();

function view(node: Record<string, unknown>, key: string, make: () => Record<string, unknown>) {
  let byKey = views.get(node);
  if (!byKey) {
    byKey = new Map();
    views.set(node, byKey);
  }
  let derived = byKey.get(key);
  if (!derived) {
    derived = make();
    byKey.set(key, derived);
  }
  return derived;
}

/** Classify a dereferenced schema node. @internal */
export function shapeOf(schema: unknown): SchemaShape {
  if (schema === false) return { kind: 'nothing' };
  if (!isJsonObject(schema) || isEmptySchema(schema)) return { kind: 'any' };
  const present = COMBINATORS.filter((keyword) => schema[keyword] !== undefined);
  const hasOwn = Object.keys(schema).some(
    (key) => ASSERTION_KEYWORDS.has(key) && !(COMBINATORS as readonly string[]).includes(key),
  );
  if (present.length === 0) return simpleShape(schema);
  if (present.length === 1 && !hasOwn) {
    const keyword = present[0] as (typeof COMBINATORS)[number];
    if (keyword === 'not') return { kind: 'not', negated: schema.not };
    return { kind: keyword, parts: membersOf(schema, keyword) };
  }
  // Several constraints on one node: the instance must satisfy each of them.
  const parts: ShapePart[] = [];
  if (hasOwn) {
    const own = view(schema, 'own', () => {
      const rest: Record<string, unknown> = {};
      for (const key in schema)
        if (!(COMBINATORS as readonly string[]).includes(key)) rest[key] = schema[key];
      return rest;
    });
    parts.push({ schema: own, path: '' });
  }
  for (const keyword of present) {
    if (keyword === 'allOf') parts.push(...membersOf(schema, 'allOf'));
    else
      parts.push({
        schema: view(schema, keyword, () => ({ [keyword]: schema[keyword] })),
        path: '',
      });
  }
  return { kind: 'allOf', parts };
}

function membersOf(
  schema: Record<string, unknown>,
  keyword: 'allOf' | 'anyOf' | 'oneOf',
): ShapePart[] {
  const members = schema[keyword];
  if (!Array.isArray(members)) return [];
  return members.map((member, index) => ({ schema: member, path: `/${keyword}/${index}` }));
}

function simpleShape(schema: Record<string, unknown>): SchemaShape {
  const type = schema.type;
  if (typeof type === 'string') {
    return {
      kind: 'simple',
      node: schema,
      type: JSON_TYPES.has(type) ? (type as JsonType) : undefined,
    };
  }
  if (Array.isArray(type)) {
    const types = [...new Set(type.filter((each): each is string => JSON_TYPES.has(String(each))))];
    if (types.length === 1) return { kind: 'simple', node: schema, type: types[0] as JsonType };
    if (types.length === 0) return { kind: 'nothing' };
    // A type list is a union of one-type views that share the other keywords.
    const parts = types.map((each) => ({
      schema: view(schema, `type:${each}`, () => ({ ...schema, type: each })),
      path: '',
    }));
    return { kind: 'anyOf', parts };
  }
  return { kind: 'simple', node: schema, type: inferType(schema) };
}

/** The type implied by type-specific keywords when `type` is absent (as Confluent's loader does). */
function inferType(schema: Record<string, unknown>): JsonType | undefined {
  let found: JsonType | undefined;
  for (const [family, keywords] of Object.entries(KEYWORD_FAMILIES)) {
    if (!keywords.some((keyword) => schema[keyword] !== undefined)) continue;
    if (found !== undefined) return undefined;
    found = family as JsonType;
  }
  return found;
}

/** The JSON type of a value (`integer` for whole numbers). @internal */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}
