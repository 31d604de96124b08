import type { SchemaProblem } from '../schema-format.js';
import {
  AVRO_PRIMITIVES,
  avroDefinitionFullName,
  avroNamespaceOf,
  qualifyAvroName,
} from './avro-names.js';
import type { AvroNamedDefinition } from './check-avro-schema.js';

/** Where a default is checked: the field's namespace and path, and the named types so far. */
export interface AvroDefaultContext {
  namespace: string;
  named: ReadonlyMap<string, AvroNamedDefinition>;
  path: string;
  problems: SchemaProblem[];
}

// Defaults are finite JSON (already depth-checked), but a recursive record could loop on a
// self-referencing default of a hostile schema; this bounds the walk regardless.
const MAX_DEPTH = 512;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isLatin1String(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 255) return false;
  return true;
}

function primitiveMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return (
        Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31
      );
    case 'long':
      return Number.isInteger(value);
    case 'float':
    case 'double':
      return typeof value === 'number';
    case 'bytes':
      return isLatin1String(value);
    default:
      return typeof value === 'string';
  }
}

/**
 * Checks a field default against the field's schema using Avro's JSON encoding of defaults
 * (bytes and fixed as strings of code points 0-255, a union's default matches its FIRST
 * branch, records as objects whose missing fields have defaults of their own).
 */
export function checkAvroDefault(schema: unknown, value: unknown, ctx: AvroDefaultContext): void {
  if (!matches(schema, value, ctx.namespace, ctx.named, 0)) {
    const hint = Array.isArray(schema) ? ' (a union default must match the first branch)' : '';
    ctx.problems.push({
      path: ctx.path,
      message: `default ${truncate(JSON.stringify(value))} does not match the field type${hint}`,
    });
  }
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function matches(
  schema: unknown,
  value: unknown,
  namespace: string,
  named: ReadonlyMap<string, AvroNamedDefinition>,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof schema === 'string') {
    if (AVRO_PRIMITIVES.has(schema)) return primitiveMatches(schema, value);
    const fullName = qualifyAvroName(schema, namespace);
    const definition = named.get(fullName);
    if (definition === undefined) return true; // Reported as an unknown type elsewhere.
    return matches(definition.schema, value, avroNamespaceOf(fullName), named, depth + 1);
  }
  if (Array.isArray(schema)) {
    return schema.length > 0 && matches(schema[0], value, namespace, named, depth + 1);
  }
  if (!isObject(schema)) return false;
  const { type } = schema;
  if (typeof type !== 'string') return matches(type, value, namespace, named, depth + 1);
  if (AVRO_PRIMITIVES.has(type)) return primitiveMatches(type, value);
  switch (type) {
    case 'array':
      return (
        Array.isArray(value) &&
        value.every((item) => matches(schema.items, item, namespace, named, depth + 1))
      );
    case 'map':
      return (
        isObject(value) &&
        Object.values(value).every((item) =>
          matches(schema.values, item, namespace, named, depth + 1),
        )
      );
    case 'enum':
      return (
        typeof value === 'string' && Array.isArray(schema.symbols) && schema.symbols.includes(value)
      );
    case 'fixed':
      return isLatin1String(value) && value.length === schema.size;
    case 'record':
    case 'error':
      return recordMatches(schema, value, namespace, named, depth);
    default:
      return matches(type, value, namespace, named, depth + 1);
  }
}

function recordMatches(
  schema: Record<string, unknown>,
  value: unknown,
  namespace: string,
  named: ReadonlyMap<string, AvroNamedDefinition>,
  depth: number,
): boolean {
  if (!isObject(value) || !Array.isArray(schema.fields)) return false;
  const inner = avroNamespaceOf(
    avroDefinitionFullName(String(schema.name), schema.namespace, namespace),
  );
  return schema.fields.every((field: Record<string, unknown>) => {
    const name = field.name as string;
    const fieldValue = Object.hasOwn(value, name) ? value[name] : undefined;
    if (fieldValue === undefined) return field.default !== undefined;
    return matches(field.type, fieldValue, inner, named, depth + 1);
  });
}
