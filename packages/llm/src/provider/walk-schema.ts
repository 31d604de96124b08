/** A JSON Schema object node (boolean schemas are handled by the keyword that holds them). */
export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is one subschema. */
const SINGLE_SCHEMA_KEYWORDS = [
  'additionalProperties',
  'items',
  'additionalItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
] as const;
/** Keywords whose value maps names to subschemas. */
const MAP_SCHEMA_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
] as const;
/** Keywords whose value is a list of subschemas (`items` in its draft-07 tuple form too). */
const LIST_SCHEMA_KEYWORDS = ['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items'] as const;

/** One schema object met by {@link walkSchema}. */
export interface WalkedNode {
  readonly schema: SchemaObject;
  /** JSON pointer of the node in the schema document. */
  readonly path: string;
  /** The keyword of the parent that holds the node (`properties`, `items`, ...); none at the root. */
  readonly keyword: string | undefined;
  /** The property or definition name for nodes under a map keyword. */
  readonly name: string | undefined;
  readonly parent: SchemaObject | undefined;
  /** Number of schema objects between the root and this node (the root is 0). */
  readonly structuralDepth: number;
}

/** Bounds of {@link walkSchema}: past either, the walk stops and says so. */
export interface WalkLimits {
  readonly maxNodes: number;
  readonly maxDepth: number;
}

/**
 * Default walk bounds: far above any provider's limits (OpenAI allows 5,000 properties and 10
 * levels), low enough that a hostile schema costs a few milliseconds.
 */
export const DEFAULT_WALK_LIMITS: WalkLimits = Object.freeze({ maxNodes: 50_000, maxDepth: 256 });

/** The result of {@link walkSchema}. */
export interface SchemaWalk {
  /** Every schema object in document order, each object once even if shared or cyclic. */
  readonly nodes: readonly WalkedNode[];
  /** Set when a bound stopped the walk early: the nodes are then a prefix. */
  readonly truncated: 'nodes' | 'depth' | undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends segments to a JSON pointer. */
export function pointer(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const segment of segments) out += `/${escapePointer(String(segment))}`;
  return out;
}

/** The direct subschemas of `schema` with the keyword, name and pointer segments that reach them. */
export function childSchemas(
  schema: SchemaObject,
): { value: unknown; keyword: string; name: string | undefined; segments: string[] }[] {
  const out: { value: unknown; keyword: string; name: string | undefined; segments: string[] }[] =
    [];
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    if ((MAP_SCHEMA_KEYWORDS as readonly string[]).includes(keyword) && isSchemaObject(value)) {
      for (const name of Object.keys(value)) {
        out.push({ value: value[name], keyword, name, segments: [keyword, name] });
      }
    } else if (
      (LIST_SCHEMA_KEYWORDS as readonly string[]).includes(keyword) &&
      Array.isArray(value)
    ) {
      value.forEach((item, index) => {
        out.push({ value: item, keyword, name: undefined, segments: [keyword, String(index)] });
      });
    } else if ((SINGLE_SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) {
      out.push({ value, keyword, name: undefined, segments: [keyword] });
    }
  }
  return out;
}

/**
 * Visits every schema object under `root` iteratively (no recursion, so a 100,000-level schema
 * cannot overflow the stack), each object once (so cyclic object graphs terminate), and stops at
 * `limits`. `$ref`s are not followed: definitions are visited where they are written.
 *
 * @example
 * ```ts
 * walkSchema({ type: 'object', properties: { a: { type: 'string' } } }).nodes.map((n) => n.path);
 * // ['', '/properties/a']
 * ```
 */
export function walkSchema(root: unknown, limits: WalkLimits = DEFAULT_WALK_LIMITS): SchemaWalk {
  const nodes: WalkedNode[] = [];
  if (!isSchemaObject(root)) return { nodes, truncated: undefined };
  const seen = new Set<object>();
  const stack: WalkedNode[] = [
    {
      schema: root,
      path: '',
      keyword: undefined,
      name: undefined,
      parent: undefined,
      structuralDepth: 0,
    },
  ];
  let truncated: SchemaWalk['truncated'];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node.schema)) continue;
    if (nodes.length >= limits.maxNodes) {
      truncated = 'nodes';
      break;
    }
    seen.add(node.schema);
    nodes.push(node);
    const children = childSchemas(node.schema);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (!isSchemaObject(child.value) || seen.has(child.value)) continue;
      if (node.structuralDepth + 1 > limits.maxDepth) {
        truncated = 'depth';
        continue;
      }
      stack.push({
        schema: child.value,
        path: pointer(node.path, ...child.segments),
        keyword: child.keyword,
        name: child.name,
        parent: node.schema,
        structuralDepth: node.structuralDepth + 1,
      });
    }
  }
  return { nodes, truncated };
}
