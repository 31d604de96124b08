import { AVRO_PRIMITIVES } from '@llmsr/validation';
import type { Type } from 'avsc';
import type { AvroFieldNode, AvroNode, AvroPrimitiveName, AvroRecordNode } from './avro-node.js';

const PRIMITIVES = AVRO_PRIMITIVES;

/** Nodes already built per avsc type: avsc types are immutable, so the view can be shared. */
const cache = new WeakMap<object, AvroNode>();

/** The subset of avsc's runtime type shape this module reads (the published typings omit most of it). */
interface AvscTypeShape {
  typeName: string;
  name?: string;
  aliases?: string[];
  doc?: string;
  types?: AvscTypeShape[];
  itemsType?: AvscTypeShape;
  valuesType?: AvscTypeShape;
  underlyingType?: AvscTypeShape;
  symbols?: string[];
  default?: string;
  size?: number;
  fields?: {
    name: string;
    aliases?: string[];
    doc?: string;
    type: AvscTypeShape;
    defaultValue(): unknown;
  }[];
}

/** True when `value` looks like an avsc `Type` instance. */
export function isAvscType(value: unknown): value is Type {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { typeName?: unknown }).typeName === 'string' &&
    typeof (value as { createResolver?: unknown }).createResolver === 'function'
  );
}

/**
 * Builds the resolution view of an avsc `Type` (cached per type object).
 * @example
 * const node = avroNodeFromType(avsc.Type.forSchema({ type: 'array', items: 'int' }));
 */
export function avroNodeFromType(type: Type): AvroNode {
  return build(type as unknown as AvscTypeShape);
}

function build(type: AvscTypeShape): AvroNode {
  const cached = cache.get(type);
  if (cached !== undefined) return cached;
  const node = create(type);
  cache.set(type, node);
  if (node.kind === 'record') fillRecord(node, type);
  return node;
}

function create(type: AvscTypeShape): AvroNode {
  const typeName = type.typeName;
  if (PRIMITIVES.has(typeName)) return { kind: 'primitive', name: typeName as AvroPrimitiveName };
  if (typeName.startsWith('logical:') && type.underlyingType !== undefined) {
    // Schema resolution ignores logical types: the node of the underlying type stands in.
    return build(type.underlyingType);
  }
  if (typeName.startsWith('union:')) {
    return { kind: 'union', types: (type.types ?? []).map(build) };
  }
  const named = {
    fullName: type.name ?? '',
    aliases: type.aliases ?? [],
    doc: type.doc,
  };
  switch (typeName) {
    case 'array':
      return { kind: 'array', items: build(type.itemsType as AvscTypeShape) };
    case 'map':
      return { kind: 'map', values: build(type.valuesType as AvscTypeShape) };
    case 'enum':
      return { kind: 'enum', ...named, symbols: type.symbols ?? [], default: type.default };
    case 'fixed':
      return { kind: 'fixed', ...named, size: type.size ?? 0 };
    case 'record':
    case 'error':
      return { kind: 'record', ...named, fields: [], fieldsByName: new Map() };
    default:
      throw new TypeError(`Unsupported avsc type '${typeName}'`);
  }
}

function fillRecord(node: AvroRecordNode, type: AvscTypeShape): void {
  (type.fields ?? []).forEach((field, position) => {
    const value = field.defaultValue();
    const fieldNode: AvroFieldNode = {
      name: field.name,
      aliases: field.aliases ?? [],
      position,
      hasDefault: value !== undefined,
      default: value,
      doc: field.doc,
      type: build(field.type),
    };
    node.fields.push(fieldNode);
    node.fieldsByName.set(field.name, fieldNode);
  });
}
