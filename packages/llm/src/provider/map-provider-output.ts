import { PROVIDER_ERROR_CODES, ProviderError } from './provider-error.ts';
import type { ProviderSchemaResult } from './provider-schema-result.ts';
import { resolveLocalRef } from './resolve-ref.ts';
import { typesOf } from './schema-graph.ts';
import { isSchemaObject, pointer, type SchemaObject } from './walk-schema.ts';

/** Deepest data nesting the mappings follow (JSON from a model is far shallower). */
const MAX_DATA_DEPTH = 512;

type Direction = 'from-provider' | 'to-provider';

/**
 * Maps a provider's output, valid against `result.schema`, back to the shape of the original
 * schema: unwraps a wrapped root, and drops properties that were optional in the original and
 * came back `null`. `anyOf` branches are chosen by shape (JSON type, and for closed objects the
 * exact key set), which is unambiguous for branches of different types or keys.
 *
 * @throws ProviderError `OUTPUT_SHAPE_MISMATCH` when a wrapped root is missing, or the data is
 * nested deeper than 512 levels.
 * @example
 * ```ts
 * const result = toProviderSchema({ type: 'object', properties: { a: { type: 'string' } } }, 'openai');
 * fromProviderOutput({ a: null }, result); // {}
 * ```
 */
export function fromProviderOutput(data: unknown, result: ProviderSchemaResult): unknown {
  const { wrappedRoot } = result.mapping;
  if (wrappedRoot === undefined)
    return mapValue(data, result.schema, '', result, 'from-provider', 0);
  if (!isSchemaObject(data) || !Object.hasOwn(data, wrappedRoot)) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.OUTPUT_SHAPE_MISMATCH,
      `The provider output has no "${wrappedRoot}" property`,
      '',
    );
  }
  const path = pointer('', 'properties', wrappedRoot);
  return mapValue(
    data[wrappedRoot],
    resolveLocalRef(result.schema, `#${path}`),
    path,
    result,
    'from-provider',
    0,
  );
}

/**
 * The inverse of {@link fromProviderOutput}: data in the original shape as the provider would
 * emit it (absent optional properties as `null`, a wrapped root). Useful for few-shot examples.
 *
 * @example
 * ```ts
 * toProviderData({}, toProviderSchema({ type: 'object', properties: { a: { type: 'string' } } }, 'openai'));
 * // { a: null }
 * ```
 */
export function toProviderData(data: unknown, result: ProviderSchemaResult): unknown {
  const { wrappedRoot } = result.mapping;
  if (wrappedRoot === undefined) return mapValue(data, result.schema, '', result, 'to-provider', 0);
  const path = pointer('', 'properties', wrappedRoot);
  return {
    [wrappedRoot]: mapValue(
      data,
      resolveLocalRef(result.schema, `#${path}`),
      path,
      result,
      'to-provider',
      0,
    ),
  };
}

function mapValue(
  data: unknown,
  schema: unknown,
  path: string,
  result: ProviderSchemaResult,
  direction: Direction,
  depth: number,
): unknown {
  if (depth > MAX_DATA_DEPTH) {
    throw new ProviderError(
      PROVIDER_ERROR_CODES.OUTPUT_SHAPE_MISMATCH,
      `The data is nested deeper than ${MAX_DATA_DEPTH} levels`,
      path,
    );
  }
  const resolved = resolveSchema(schema, path, result);
  if (resolved === undefined) return data;
  const node = resolved.schema;
  const at = resolved.path;
  if (Array.isArray(node.anyOf)) {
    const index = node.anyOf.findIndex((branch, i) =>
      matchesShape(data, branch, pointer(at, 'anyOf', i), result, direction),
    );
    if (index >= 0)
      return mapValue(
        data,
        node.anyOf[index],
        pointer(at, 'anyOf', index),
        result,
        direction,
        depth + 1,
      );
  }
  if (Array.isArray(data)) {
    return data.map((item, i) => {
      const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : [];
      if (i < prefix.length)
        return mapValue(
          item,
          prefix[i],
          pointer(at, 'prefixItems', i),
          result,
          direction,
          depth + 1,
        );
      return mapValue(item, node.items, pointer(at, 'items'), result, direction, depth + 1);
    });
  }
  if (!isSchemaObject(data) || !isSchemaObject(node.properties)) return data;
  const properties = node.properties;
  const nullable = new Set(result.mapping.nullableOptional[at] ?? []);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (direction === 'from-provider' && value === null && nullable.has(key)) continue;
    const child = Object.hasOwn(properties, key) ? properties[key] : undefined;
    setOwn(
      out,
      key,
      child === undefined
        ? value
        : mapValue(value, child, pointer(at, 'properties', key), result, direction, depth + 1),
    );
  }
  if (direction === 'to-provider') {
    for (const key of nullable) if (!Object.hasOwn(out, key)) setOwn(out, key, null);
  }
  return direction === 'to-provider' ? reorder(out, Object.keys(properties)) : out;
}

/** Follows `$ref`s (a bounded number of hops) to the schema object and its pointer. */
function resolveSchema(
  schema: unknown,
  path: string,
  result: ProviderSchemaResult,
): { schema: SchemaObject; path: string } | undefined {
  let current = schema;
  let at = path;
  for (
    let hops = 0;
    hops < 32 && isSchemaObject(current) && typeof current.$ref === 'string';
    hops++
  ) {
    if (
      Object.keys(current).some((k) => !k.startsWith('$') && k !== 'description' && k !== 'title')
    )
      break;
    at = current.$ref === '#' ? '' : current.$ref.slice(1);
    current = resolveLocalRef(result.schema, current.$ref);
  }
  return isSchemaObject(current) ? { schema: current, path: at } : undefined;
}

/** A shallow shape test to pick an `anyOf` branch: JSON type, enum/const, and closed-object keys. */
function matchesShape(
  data: unknown,
  schema: unknown,
  path: string,
  result: ProviderSchemaResult,
  direction: Direction,
): boolean {
  if (typeof schema === 'boolean') return schema;
  const resolved = resolveSchema(schema, path, result);
  if (resolved === undefined) return false;
  const node = resolved.schema;
  if (
    Array.isArray(node.anyOf) &&
    !node.anyOf.some((b, i) =>
      matchesShape(data, b, pointer(resolved.path, 'anyOf', i), result, direction),
    )
  ) {
    return false;
  }
  const types = typesOf(node);
  if (types.length > 0 && !types.some((t) => hasType(data, t))) return false;
  if (
    Array.isArray(node.enum) &&
    (data === null || typeof data !== 'object') &&
    !node.enum.includes(data)
  )
    return false;
  if ('const' in node && (data === null || typeof data !== 'object') && node.const !== data)
    return false;
  if (isSchemaObject(data) && isSchemaObject(node.properties)) {
    const properties = node.properties;
    if (
      node.additionalProperties === false &&
      Object.keys(data).some((k) => !Object.hasOwn(properties, k))
    )
      return false;
    const nullable = new Set(result.mapping.nullableOptional[resolved.path] ?? []);
    const required = Array.isArray(node.required) ? node.required : [];
    const needed =
      direction === 'to-provider' ? required.filter((k) => !nullable.has(k)) : required;
    if (needed.some((k) => typeof k === 'string' && !Object.hasOwn(data, k))) return false;
  }
  return true;
}

function hasType(data: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isSchemaObject(data);
    case 'integer':
      return Number.isInteger(data);
    case 'number':
      return typeof data === 'number';
    default:
      return typeof data === type;
  }
}

/** Puts keys in schema order, as the provider emits them. */
function reorder(value: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    ...order.filter((k) => Object.hasOwn(value, k)),
    ...Object.keys(value).filter((k) => !order.includes(k)),
  ]) {
    setOwn(out, key, value[key]);
  }
  return out;
}

/** Sets an own data property, so a `__proto__` key from JSON stays a plain key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
