import { canonicalJson } from '../json/canonical-json.js';
import { SchemaParseError } from '../schema-format.js';
import { exceedsJsonDepth } from './avro-json-depth.js';
import {
  AVRO_PRIMITIVES,
  avroDefinitionFullName,
  avroNamespaceOf,
  qualifyAvroName,
} from './avro-names.js';
import { MAX_AVRO_SCHEMA_DEPTH } from './parse-avro-json.js';

/** The specification's attributes, written in this order before any custom property. */
const ATTRIBUTE_ORDER = [
  'name',
  'namespace',
  'type',
  'fields',
  'symbols',
  'items',
  'values',
  'size',
  'default',
  'order',
  'aliases',
  'doc',
  'logicalType',
  'precision',
  'scale',
];
const RANK = new Map(ATTRIBUTE_ORDER.map((key, index) => [key, index]));
const NAMED_KINDS = new Set(['record', 'error', 'enum', 'fixed']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const str = (value: string) => JSON.stringify(value);

function byAttributeOrder(a: string, b: string): number {
  const rankA = RANK.get(a) ?? ATTRIBUTE_ORDER.length;
  const rankB = RANK.get(b) ?? ATTRIBUTE_ORDER.length;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes an object with the specification's attributes first (in {@link ATTRIBUTE_ORDER}),
 * then every other attribute by sorted key. `written` holds the attributes whose text depends
 * on the schema's structure (names, nested types); the rest are canonical JSON. Attributes
 * mapped to `undefined` in `written` are left out.
 */
function writeObject(
  schema: Record<string, unknown>,
  written: Record<string, string | undefined>,
): string {
  const keys = new Set([...Object.keys(schema), ...Object.keys(written)]);
  const parts: string[] = [];
  for (const key of [...keys].sort(byAttributeOrder)) {
    const text = Object.hasOwn(written, key) ? written[key] : canonicalJson(schema[key]);
    if (text !== undefined) parts.push(`${str(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The identity canonical form of a checked Avro schema (parsed JSON): the text whose SHA-256 is
 * the schema's identity. Like the Parsing Canonical Form it ignores formatting, attribute order
 * and how names are spelled (every name is written as a full name and `namespace` is dropped;
 * `{"type":"int"}` is `"int"`; strings and numbers as `JSON.stringify` prints them), but unlike
 * it, it keeps every attribute that can change the schema's meaning: `default`, `doc`,
 * `aliases` (as full names for named types, in their order), `order` (`ascending`, the default,
 * is left out), `logicalType` and its parameters, and every custom property (after the
 * specification's attributes, by sorted key, values as canonical JSON). Types of referenced
 * schemas appear by full name. Nesting deeper than {@link MAX_AVRO_SCHEMA_DEPTH} throws
 * {@link SchemaParseError}.
 *
 * @example
 * avroIdentityForm({ type: 'fixed', name: 'D', namespace: 'a', size: 8, logicalType: 'decimal', precision: 10, scale: 2 });
 * // '{"name":"a.D","type":"fixed","size":8,"logicalType":"decimal","precision":10,"scale":2}'
 */
export function avroIdentityForm(schema: unknown): string {
  if (exceedsJsonDepth(schema, MAX_AVRO_SCHEMA_DEPTH)) {
    const message = `schema nests deeper than ${MAX_AVRO_SCHEMA_DEPTH} levels`;
    throw new SchemaParseError(`Invalid Avro schema: ${message}`, [{ path: '', message }]);
  }
  return write(schema, '');
}

function write(schema: unknown, namespace: string): string {
  if (typeof schema === 'string') return str(qualifyAvroName(schema, namespace));
  if (Array.isArray(schema))
    return `[${schema.map((branch) => write(branch, namespace)).join(',')}]`;
  if (!isObject(schema)) return canonicalJson(schema);
  const { type } = schema;
  const alone = Object.keys(schema).length === 1;
  if (typeof type !== 'string') {
    // `{"type": {...}}` wraps a type; only a bare wrapper is the same as what it wraps.
    if (alone) return write(type, namespace);
    return writeObject(schema, { type: write(type, namespace) });
  }
  if (AVRO_PRIMITIVES.has(type)) return alone ? str(type) : writeObject(schema, {});
  switch (type) {
    case 'array':
      return writeObject(schema, { items: write(schema.items, namespace) });
    case 'map':
      return writeObject(schema, { values: write(schema.values, namespace) });
    default:
      if (NAMED_KINDS.has(type)) return writeNamed(schema, type, namespace);
      if (alone) return str(qualifyAvroName(type, namespace));
      return writeObject(schema, { type: str(qualifyAvroName(type, namespace)) });
  }
}

function writeNamed(schema: Record<string, unknown>, type: string, namespace: string): string {
  const fullName = avroDefinitionFullName(String(schema.name), schema.namespace, namespace);
  const inner = avroNamespaceOf(fullName);
  const written: Record<string, string | undefined> = {
    name: str(fullName),
    // A full name without a dot inside a namespace needs `"namespace":""` to stay in the null
    // namespace when the form is read again; elsewhere the full name says it all.
    namespace: inner === '' && namespace !== '' ? '""' : undefined,
  };
  if (Array.isArray(schema.aliases)) {
    written.aliases = `[${schema.aliases.map((alias) => str(qualifyAvroName(String(alias), inner))).join(',')}]`;
  }
  if (type === 'record' || type === 'error') {
    const fields = Array.isArray(schema.fields) ? schema.fields : [];
    written.fields = `[${fields.map((field) => writeField(field, inner)).join(',')}]`;
  }
  return writeObject(schema, written);
}

function writeField(field: unknown, namespace: string): string {
  if (!isObject(field)) return canonicalJson(field ?? null);
  const written: Record<string, string | undefined> = { type: write(field.type, namespace) };
  // `ascending` is what an absent `order` means.
  if (field.order === 'ascending') written.order = undefined;
  return writeObject(field, written);
}
