import { AVRO_PRIMITIVES } from '@llmsr/validation';
import type { AvroNode, AvroPrimitiveName, AvroRecordNode } from './avro-node.js';

const PRIMITIVES = AVRO_PRIMITIVES;

type Json = unknown;

interface BuildContext {
  names: Map<string, AvroNode>;
  depth: number;
}

/** Deepest nesting accepted: deeper schemas are refused rather than risking the stack. */
export const MAX_AVRO_JSON_DEPTH = 512;

/**
 * Builds the resolution view of an Avro schema straight from its JSON, for schemas a parser
 * refuses but Avro's resolution rules still define (an empty union `[]`, for instance).
 * Throws a `TypeError` naming the offending part for a malformed schema.
 * @example
 * const node = avroNodeFromJson({ type: 'record', name: 'User', fields: [{ name: 'id', type: 'long' }] });
 */
export function avroNodeFromJson(schema: Json): AvroNode {
  return build(schema, '', { names: new Map(), depth: 0 }, '$');
}

function qualify(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;
}

function namespaceOf(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? '' : fullName.slice(0, dot);
}

function build(schema: Json, namespace: string, ctx: BuildContext, at: string): AvroNode {
  if (ctx.depth >= MAX_AVRO_JSON_DEPTH) {
    throw new TypeError(
      `Avro schema nests deeper than ${MAX_AVRO_JSON_DEPTH} levels at ${at.slice(0, 100)}`,
    );
  }
  ctx.depth++;
  try {
    return buildAt(schema, namespace, ctx, at);
  } finally {
    ctx.depth--;
  }
}

function buildAt(schema: Json, namespace: string, ctx: BuildContext, at: string): AvroNode {
  if (typeof schema === 'string') {
    if (PRIMITIVES.has(schema)) return { kind: 'primitive', name: schema as AvroPrimitiveName };
    const found = ctx.names.get(qualify(schema, namespace)) ?? ctx.names.get(schema);
    if (found === undefined) throw new TypeError(`Unknown Avro type '${schema}' at ${at}`);
    return found;
  }
  if (Array.isArray(schema)) {
    return {
      kind: 'union',
      types: schema.map((branch, i) => build(branch, namespace, ctx, `${at}/${i}`)),
    };
  }
  if (typeof schema !== 'object' || schema === null) {
    throw new TypeError(`Invalid Avro schema at ${at}`);
  }
  const object = schema as Record<string, Json>;
  const type = object['type'];
  if (typeof type !== 'string') return build(type, namespace, ctx, `${at}/type`);
  switch (type) {
    case 'array':
      return { kind: 'array', items: build(object['items'], namespace, ctx, `${at}/items`) };
    case 'map':
      return { kind: 'map', values: build(object['values'], namespace, ctx, `${at}/values`) };
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
      return buildNamed(object, type, namespace, ctx, at);
    default:
      if (PRIMITIVES.has(type)) return { kind: 'primitive', name: type as AvroPrimitiveName };
      return build(type, namespace, ctx, `${at}/type`);
  }
}

function buildNamed(
  object: Record<string, Json>,
  type: string,
  enclosing: string,
  ctx: BuildContext,
  at: string,
): AvroNode {
  const name = object['name'];
  if (typeof name !== 'string' || name === '') throw new TypeError(`Missing name at ${at}`);
  const ownNamespace = typeof object['namespace'] === 'string' ? object['namespace'] : enclosing;
  const fullName = qualify(name, ownNamespace);
  const namespace = namespaceOf(fullName);
  const aliases = stringList(object['aliases']).map((alias) => qualify(alias, namespace));
  const doc = typeof object['doc'] === 'string' ? object['doc'] : undefined;
  if (type === 'enum') {
    const node: AvroNode = {
      kind: 'enum',
      fullName,
      aliases,
      doc,
      symbols: stringList(object['symbols']),
      default: typeof object['default'] === 'string' ? object['default'] : undefined,
    };
    ctx.names.set(fullName, node);
    return node;
  }
  if (type === 'fixed') {
    const size = object['size'];
    if (typeof size !== 'number') throw new TypeError(`Missing fixed size at ${at}`);
    const node: AvroNode = { kind: 'fixed', fullName, aliases, doc, size };
    ctx.names.set(fullName, node);
    return node;
  }
  const record: AvroRecordNode = {
    kind: 'record',
    fullName,
    aliases,
    doc,
    fields: [],
    fieldsByName: new Map(),
  };
  ctx.names.set(fullName, record);
  const fields = object['fields'];
  if (!Array.isArray(fields)) throw new TypeError(`Missing record fields at ${at}`);
  fields.forEach((field: Json, position) => {
    const where = `${at}/fields/${position}`;
    if (typeof field !== 'object' || field === null)
      throw new TypeError(`Invalid field at ${where}`);
    const f = field as Record<string, Json>;
    if (typeof f['name'] !== 'string') throw new TypeError(`Missing field name at ${where}`);
    const node = {
      name: f['name'],
      aliases: stringList(f['aliases']),
      position,
      hasDefault: 'default' in f,
      default: f['default'],
      doc: typeof f['doc'] === 'string' ? f['doc'] : undefined,
      type: build(f['type'], namespace, ctx, `${where}/type`),
    };
    record.fields.push(node);
    record.fieldsByName.set(node.name, node);
  });
  return record;
}

function stringList(value: Json): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
