import { acceptsNull } from './accepts-null.ts';
import { dropReason } from './drop-policy.ts';
import { PROVIDER_ERROR_CODES, ProviderError } from './provider-error.ts';
import type { ProviderProfile } from './provider-profile.ts';
import type { LostConstraint, SchemaChange } from './provider-schema-result.ts';
import { resolveLocalRef } from './resolve-ref.ts';
import { typesOf } from './schema-graph.ts';
import { isSchemaObject, pointer, type SchemaObject } from './walk-schema.ts';

const MAP_KEYWORDS = new Set(['$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
const LIST_KEYWORDS = new Set(['anyOf', 'allOf', 'prefixItems']);
const SINGLE_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords dropped without loss when the provider has neither references nor annotations. */
const NO_CONSTRAINT = new Set([
  '$defs',
  'definitions',
  '$schema',
  '$id',
  '$comment',
  '$anchor',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
/** Characters of moved constraints kept per node, so a hostile schema cannot bloat descriptions. */
const MAX_NOTE_LENGTH = 500;

/** State shared by one {@link toProviderSchema} run. */
export interface TransformContext {
  readonly profile: ProviderProfile;
  readonly fineTuned: boolean;
  readonly root: unknown;
  readonly changes: SchemaChange[];
  readonly lost: LostConstraint[];
  readonly nullableOptional: Record<string, string[]>;
  readonly ancestors: Set<object>;
  /** `$ref` targets being inlined (a target met again is recursion, which cannot be inlined). */
  readonly inlining: Set<unknown>;
  readonly maxNodes: number;
  nodes: number;
}

/** Returns the provider variant of one subschema placed at `path` of the output. */
export function transformNode(schema: unknown, path: string, ctx: TransformContext): unknown {
  if (!isSchemaObject(schema)) return Array.isArray(schema) ? [...schema] : schema;
  if (ctx.ancestors.has(schema)) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.INVALID_SCHEMA,
      'The schema object graph is cyclic; use "$ref" for recursion',
      path,
    );
  }
  if (++ctx.nodes > ctx.maxNodes) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.SCHEMA_TOO_LARGE,
      `The schema has more than ${ctx.maxNodes} subschemas`,
      path,
    );
  }
  if (ctx.profile.allowedKeywords !== undefined && typeof schema.$ref === 'string') {
    return inlineRef(schema, path, ctx);
  }
  ctx.ancestors.add(schema);
  const out: SchemaObject = {};
  const notes: string[] = [];
  const { profile } = ctx;
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    const at = pointer(path, keyword);
    if (keyword === 'oneOf' && Array.isArray(value) && !('anyOf' in schema)) {
      out.anyOf = value.map((branch, i) => transformNode(branch, pointer(path, 'anyOf', i), ctx));
      ctx.changes.push({ path: pointer(path, 'anyOf'), change: 'replaced "oneOf" with "anyOf"' });
      ctx.lost.push({
        path: at,
        keyword,
        reason: 'exactly-one-branch is not enforced; anyOf allows several',
      });
      continue;
    }
    if (profile.allowedKeywords !== undefined && NO_CONSTRAINT.has(keyword)) {
      // No constraint is lost: definitions were inlined, annotations say nothing about output.
      ctx.changes.push({
        path: at,
        change: `removed "${keyword}" (not a field of ${profile.label})`,
      });
      continue;
    }
    if (
      keyword === 'const' &&
      profile.provider === 'gemini' &&
      (profile.allowedKeywords === undefined || typeof value === 'string')
    ) {
      out.enum = [value];
      ctx.changes.push({
        path: pointer(path, 'enum'),
        change: 'replaced "const" with a one-value "enum"',
      });
      continue;
    }
    const reason =
      keyword === 'oneOf'
        ? 'both "oneOf" and "anyOf" are set'
        : dropReason(profile, keyword, value, ctx.fineTuned);
    if (reason !== undefined) {
      notes.push(`${keyword}: ${truncatedJson(value)}`);
      ctx.lost.push({ path: at, keyword, reason });
      ctx.changes.push({ path: at, change: `moved "${keyword}" into "description"` });
      continue;
    }
    if (keyword === 'properties' && isSchemaObject(value))
      out.properties = transformProperties(schema, value, path, ctx);
    else if (MAP_KEYWORDS.has(keyword) && isSchemaObject(value)) {
      out[keyword] = Object.fromEntries(
        Object.keys(value).map((name) => [
          name,
          transformNode(value[name], pointer(path, keyword, name), ctx),
        ]),
      );
    } else if ((LIST_KEYWORDS.has(keyword) || keyword === 'items') && Array.isArray(value)) {
      out[keyword] = value.map((branch, i) =>
        transformNode(branch, pointer(path, keyword, i), ctx),
      );
    } else if (SINGLE_KEYWORDS.has(keyword)) out[keyword] = transformNode(value, at, ctx);
    else setOwn(out, keyword, Array.isArray(value) ? [...value] : value);
  }
  ctx.ancestors.delete(schema);
  if (notes.length > 0) {
    const moved = `Constraints: ${notes.join('; ')}`.slice(0, MAX_NOTE_LENGTH);
    out.description = typeof out.description === 'string' ? `${out.description}\n${moved}` : moved;
  }
  finishObject(schema, out, path, ctx);
  if (profile.nullableKeyword) writeNullable(out, path, ctx);
  return profile.refSiblingsForbidden ? separateRef(out, path, ctx) : out;
}

function transformProperties(
  schema: SchemaObject,
  properties: SchemaObject,
  path: string,
  ctx: TransformContext,
): SchemaObject {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const out: SchemaObject = {};
  for (const name of Object.keys(properties)) {
    const child = properties[name];
    const at = pointer(path, 'properties', name);
    if (!ctx.profile.allPropertiesRequired || required.has(name)) {
      setOwn(out, name, transformNode(child, at, ctx));
    } else if (acceptsNull(child, ctx.root)) {
      setOwn(out, name, transformNode(child, at, ctx));
      ctx.changes.push({
        path: at,
        change: 'listed the optional property in "required" (it already accepts null)',
      });
      ctx.lost.push({
        path: at,
        keyword: 'required',
        reason: 'optional and nullable: absent and null both come back as null',
      });
    } else {
      setOwn(out, name, nullable(child, at, ctx));
      const list = ctx.nullableOptional[path] ?? [];
      list.push(name);
      ctx.nullableOptional[path] = list;
      ctx.changes.push({
        path: at,
        change: 'made the optional property required and nullable (null means absent)',
      });
    }
  }
  return out;
}

/** The transformed `child` with `null` allowed, in the least intrusive form. */
function nullable(child: unknown, path: string, ctx: TransformContext): unknown {
  if (isSchemaObject(child) && !('$ref' in child) && !('const' in child)) {
    const hasType = 'type' in child;
    if (hasType && !('anyOf' in child) && typesOf(child).length > 0) {
      const out = transformNode(child, path, ctx) as SchemaObject;
      out.type = [...typesOf(child), 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    if (!hasType && Array.isArray(child.anyOf)) {
      const out = transformNode(child, path, ctx) as SchemaObject;
      out.anyOf = [...(out.anyOf as unknown[]), { type: 'null' }];
      return out;
    }
  }
  return { anyOf: [transformNode(child, pointer(path, 'anyOf', 0), ctx), { type: 'null' }] };
}

function finishObject(
  schema: SchemaObject,
  out: SchemaObject,
  path: string,
  ctx: TransformContext,
): void {
  const isObject = typesOf(schema).includes('object') || isSchemaObject(schema.properties);
  if (!isObject) return;
  const { profile } = ctx;
  if (profile.closedObjects && out.additionalProperties !== false) {
    if (!isSchemaObject(out.properties)) out.properties = {};
    out.additionalProperties = false;
    ctx.changes.push({
      path: pointer(path, 'additionalProperties'),
      change: 'closed the object ("additionalProperties": false)',
    });
  }
  if (profile.allPropertiesRequired && isSchemaObject(out.properties)) {
    out.required = Object.keys(out.properties);
  }
  if (
    profile.provider === 'gemini' &&
    isSchemaObject(out.properties) &&
    !('propertyOrdering' in out)
  ) {
    out.propertyOrdering = Object.keys(out.properties);
    ctx.changes.push({
      path: pointer(path, 'propertyOrdering'),
      change: 'added "propertyOrdering" in schema key order',
    });
  }
}

/** Gemini: a `$ref` may not have non-`$` siblings, so the reference moves into a one-branch anyOf. */
function separateRef(out: SchemaObject, path: string, ctx: TransformContext): SchemaObject {
  if (typeof out.$ref !== 'string') return out;
  const siblings = Object.keys(out).filter((k) => !k.startsWith('$'));
  if (siblings.length === 0) return out;
  if ('anyOf' in out) {
    ctx.lost.push({
      path: pointer(path, '$ref'),
      keyword: '$ref',
      reason: '"$ref" next to "anyOf" needs allOf, which Gemini ignores',
    });
    return out;
  }
  const { $ref, ...rest } = out;
  ctx.changes.push({
    path: pointer(path, 'anyOf'),
    change: 'moved "$ref" into "anyOf" to keep its sibling keywords',
  });
  return { ...rest, anyOf: [{ $ref }] };
}

function truncatedJson(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

/** Sets an own data property, so a `__proto__` name from JSON stays a plain key. */
function setOwn(target: SchemaObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A provider without references: the `$ref` is replaced by its target (siblings win). */
function inlineRef(schema: SchemaObject, path: string, ctx: TransformContext): unknown {
  const { $ref, ...siblings } = schema;
  const ref = String($ref);
  const target = resolveLocalRef(ctx.root, ref);
  const at = pointer(path, '$ref');
  if (!(isSchemaObject(target) || typeof target === 'boolean') || ctx.inlining.has(target)) {
    ctx.lost.push({
      path: at,
      keyword: '$ref',
      reason:
        target === undefined
          ? `"${ref}" does not resolve in this document`
          : `"${ref}" is recursive; ${ctx.profile.label} has no references, so the recursion is cut here`,
    });
    return transformNode(siblings, path, ctx);
  }
  ctx.changes.push({ path, change: `inlined "${ref}"` });
  ctx.inlining.add(target);
  try {
    return transformNode(isSchemaObject(target) ? { ...target, ...siblings } : target, path, ctx);
  } finally {
    ctx.inlining.delete(target);
  }
}

/** OpenAPI 3.0: `null` as `nullable: true`, several types as an `anyOf` of single types. */
function writeNullable(out: SchemaObject, path: string, ctx: TransformContext): void {
  let nullable = false;
  const types = typesOf(out);
  if (types.length > 0 && (types.includes('null') || types.length > 1)) {
    const rest = types.filter((t) => t !== 'null');
    nullable = rest.length < types.length;
    if (rest.length === 1) out.type = rest[0];
    else {
      delete out.type;
      if (rest.length > 1 && !('anyOf' in out)) out.anyOf = rest.map((type) => ({ type }));
      else if (rest.length > 1)
        ctx.lost.push({
          path: pointer(path, 'type'),
          keyword: 'type',
          reason: 'a type list next to anyOf cannot be expressed',
        });
    }
  }
  if (Array.isArray(out.enum) && out.enum.includes(null)) {
    out.enum = out.enum.filter((v) => v !== null);
    nullable = true;
  }
  if (Array.isArray(out.anyOf)) {
    // A `{ type: 'null' }` branch was already rewritten to `{ nullable: true }`.
    const branches = out.anyOf.filter(
      (b) => !(isSchemaObject(b) && Object.keys(b).length === 1 && b.nullable === true),
    );
    if (branches.length < out.anyOf.length) {
      nullable = true;
      out.anyOf = branches;
      const only = branches[0];
      if (
        branches.length === 1 &&
        isSchemaObject(only) &&
        Object.keys(only).every((k) => !(k in out) || k === 'anyOf')
      ) {
        delete out.anyOf;
        Object.assign(out, only);
      }
    }
  }
  if (nullable) {
    out.nullable = true;
    ctx.changes.push({ path, change: 'wrote null as "nullable": true' });
  }
}
