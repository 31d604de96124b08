import { resolveLocalRef } from '../provider/resolve-ref.ts';
import { typesOf } from '../provider/schema-graph.ts';
import { isSchemaObject, pointer, type SchemaObject } from '../provider/walk-schema.ts';
import type { OutputRepair } from './describe-repairs.ts';

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
/** Keywords that make the type at a location ambiguous: no coercion under them. */
const AMBIGUOUS = ['anyOf', 'oneOf', 'allOf', 'not', 'if', '$dynamicRef'];
const MAX_DEPTH = 256;

/**
 * Converts string scalars to the single type the schema states at their location, in place,
 * where that is unambiguous: `"42"` to 42 for `integer`, `"4.5"` to 4.5 for `number`, `"true"`
 * to true for `boolean`, `"null"` to null for `null`. A location is unambiguous when its schema
 * (after local `$ref`s) has exactly one type and no `anyOf`/`oneOf`/`allOf`/`not`/`if`; only
 * `properties`, `items` and `prefixItems` are followed. Each conversion is recorded in `repairs`.
 * Returns the (possibly replaced) root value.
 */
export function coerceScalars(data: unknown, schema: unknown, repairs: OutputRepair[]): unknown {
  return coerce(data, schema, schema, '', repairs, 0);
}

function resolve(schema: unknown, root: unknown): SchemaObject | undefined {
  let current = schema;
  for (
    let hops = 0;
    hops < 32 && isSchemaObject(current) && typeof current.$ref === 'string';
    hops++
  ) {
    const keys = Object.keys(current).filter(
      (k) => !k.startsWith('$') && k !== 'description' && k !== 'title',
    );
    if (keys.length > 0) return undefined;
    current = resolveLocalRef(root, current.$ref);
  }
  if (!isSchemaObject(current) || AMBIGUOUS.some((k) => k in current)) return undefined;
  return current;
}

function coerce(
  data: unknown,
  schema: unknown,
  root: unknown,
  path: string,
  repairs: OutputRepair[],
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) return data;
  const node = resolve(schema, root);
  if (node === undefined) return data;
  if (typeof data === 'string') return coerceString(data, node, path, repairs);
  if (Array.isArray(data)) {
    const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : [];
    for (let i = 0; i < data.length; i++) {
      const itemSchema = i < prefix.length ? prefix[i] : node.items;
      if (itemSchema !== undefined)
        data[i] = coerce(data[i], itemSchema, root, pointer(path, i), repairs, depth + 1);
    }
    return data;
  }
  if (isSchemaObject(data) && isSchemaObject(node.properties)) {
    const properties = node.properties;
    for (const key of Object.keys(data)) {
      if (!Object.hasOwn(properties, key)) continue;
      const value = coerce(
        data[key],
        properties[key],
        root,
        pointer(path, key),
        repairs,
        depth + 1,
      );
      if (value !== data[key])
        Object.defineProperty(data, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return data;
}

function coerceString(
  value: string,
  node: SchemaObject,
  path: string,
  repairs: OutputRepair[],
): unknown {
  const types = typesOf(node);
  if (types.length !== 1) return value;
  const type = types[0];
  let converted: unknown = value;
  if (type === 'integer' && INTEGER.test(value) && Number.isSafeInteger(Number(value)))
    converted = Number(value);
  else if (type === 'number' && NUMBER.test(value) && Number.isFinite(Number(value)))
    converted = Number(value);
  else if (type === 'boolean' && (value === 'true' || value === 'false'))
    converted = value === 'true';
  else if (type === 'null' && value === 'null') converted = null;
  if (converted === value) return value;
  repairs.push({
    kind: 'coerce',
    path,
    message: `converted ${JSON.stringify(value)} to ${JSON.stringify(converted)} (${type})`,
  });
  return converted;
}
