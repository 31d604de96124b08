import { SchemaParseError } from '../schema-format.js';
import { exceedsJsonDepth } from './avro-json-depth.js';
import {
  AVRO_PRIMITIVES,
  avroDefinitionFullName,
  avroNamespaceOf,
  qualifyAvroName,
} from './avro-names.js';
import { MAX_AVRO_SCHEMA_DEPTH } from './parse-avro-json.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const str = (value: string) => JSON.stringify(value);

/**
 * Avro's Parsing Canonical Form of a checked schema (parsed JSON), following the
 * specification's transformations: PRIMITIVES (`{"type":"int"}` becomes `"int"`), FULLNAMES
 * (names qualified, `namespace` dropped), STRIP (only `type`, `name`, `fields`, `symbols`,
 * `items`, `values`, `size`), ORDER (in that attribute order), STRINGS/INTEGERS/WHITESPACE
 * (compact JSON). A named type appears in full the first time and by full name afterwards;
 * names in `known` (types of referenced schemas) are always written by name. Meant for schemas
 * that passed `avroFormat.parse`; malformed parts are written as best it can, and nesting
 * deeper than {@link MAX_AVRO_SCHEMA_DEPTH} throws {@link SchemaParseError}.
 *
 * @example
 * avroCanonicalForm({ type: 'record', name: 'U', namespace: 'a', doc: 'x', fields: [] });
 * // '{"name":"a.U","type":"record","fields":[]}'
 */
export function avroCanonicalForm(schema: unknown, known: Iterable<string> = []): string {
  if (exceedsJsonDepth(schema, MAX_AVRO_SCHEMA_DEPTH)) {
    const message = `schema nests deeper than ${MAX_AVRO_SCHEMA_DEPTH} levels`;
    throw new SchemaParseError(`Invalid Avro schema: ${message}`, [{ path: '', message }]);
  }
  return write(schema, '', new Set(known));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function write(schema: unknown, namespace: string, seen: Set<string>): string {
  if (typeof schema === 'string') return str(qualifyAvroName(schema, namespace));
  if (Array.isArray(schema))
    return `[${schema.map((branch) => write(branch, namespace, seen)).join(',')}]`;
  if (!isObject(schema)) return str(String(schema));
  const { type } = schema;
  if (typeof type !== 'string') return write(type, namespace, seen);
  if (AVRO_PRIMITIVES.has(type)) return str(type);
  switch (type) {
    case 'array':
      return `{"type":"array","items":${write(schema.items, namespace, seen)}}`;
    case 'map':
      return `{"type":"map","values":${write(schema.values, namespace, seen)}}`;
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
      return writeNamed(schema, type, namespace, seen);
    default:
      return str(qualifyAvroName(type, namespace));
  }
}

function writeNamed(
  schema: Record<string, unknown>,
  type: string,
  namespace: string,
  seen: Set<string>,
): string {
  const fullName = avroDefinitionFullName(String(schema.name), schema.namespace, namespace);
  if (seen.has(fullName)) return str(fullName);
  seen.add(fullName);
  const head = `{"name":${str(fullName)},"type":${str(type)}`;
  if (type === 'enum') {
    const symbols = list(schema.symbols).map((symbol) => str(String(symbol)));
    return `${head},"symbols":[${symbols.join(',')}]}`;
  }
  if (type === 'fixed') return `${head},"size":${Number(schema.size)}}`;
  const inner = avroNamespaceOf(fullName);
  const fields = list(schema.fields).map((field) => {
    const { name, type: fieldType } = (field ?? {}) as Record<string, unknown>;
    return `{"name":${str(String(name))},"type":${write(fieldType, inner, seen)}}`;
  });
  return `${head},"fields":[${fields.join(',')}]}`;
}
