import { resolveLocalRef } from './resolve-ref.ts';
import type { SchemaGraph } from './schema-graph.ts';
import { isSchemaObject, pointer, type SchemaObject, type WalkedNode } from './walk-schema.ts';

/** The size figures the providers limit, counted once per schema node as written. */
export interface SchemaSizes {
  /** Keys of every `properties` map. */
  readonly properties: number;
  /** Values of every `enum`. */
  readonly enumValues: number;
  /** Characters of property names, `$defs`/`definitions` names, enum values and const values. */
  readonly totalStringLength: number;
  /** String enums with more than `threshold` values, with their total length. */
  readonly largeStringEnums: readonly { path: string; values: number; length: number }[];
  /** Properties not listed in their object's `required`. */
  readonly optionalParameters: readonly string[];
  /** Properties whose schema (or its `$ref` target) is a union: `anyOf` or a `type` array. */
  readonly unionParameters: readonly string[];
  /** Sum of every numeric `maxItems`. */
  readonly maxItemsSum: number;
}

/** Length of a value as counted in the string budget: strings as they are, others as JSON text. */
function valueLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function isUnion(schema: unknown): boolean {
  return (
    isSchemaObject(schema) &&
    (Array.isArray(schema.anyOf) || (Array.isArray(schema.type) && schema.type.length > 1))
  );
}

/** Counts the {@link SchemaSizes} of a walked schema; `threshold` is the large-enum bound. */
export function countSchemaSizes(
  root: unknown,
  graph: SchemaGraph,
  threshold: number,
): SchemaSizes {
  let properties = 0;
  let enumValues = 0;
  let totalStringLength = 0;
  let maxItemsSum = 0;
  const largeStringEnums: { path: string; values: number; length: number }[] = [];
  const optionalParameters: string[] = [];
  const unionParameters: string[] = [];
  for (const node of graph.walk.nodes) {
    const schema: SchemaObject = node.schema;
    for (const keyword of ['$defs', 'definitions']) {
      const defs = schema[keyword];
      if (isSchemaObject(defs))
        for (const name of Object.keys(defs)) totalStringLength += name.length;
    }
    if (isSchemaObject(schema.properties)) countProperties(root, node, schema.properties);
    if (Array.isArray(schema.enum)) {
      enumValues += schema.enum.length;
      let length = 0;
      for (const value of schema.enum) length += valueLength(value);
      totalStringLength += length;
      if (schema.enum.length > threshold && schema.enum.every((v) => typeof v === 'string')) {
        largeStringEnums.push({
          path: pointer(node.path, 'enum'),
          values: schema.enum.length,
          length,
        });
      }
    }
    if ('const' in schema) totalStringLength += valueLength(schema.const);
    if (typeof schema.maxItems === 'number') maxItemsSum += schema.maxItems;
  }

  function countProperties(rootSchema: unknown, node: WalkedNode, props: SchemaObject): void {
    const required = new Set(Array.isArray(node.schema.required) ? node.schema.required : []);
    for (const name of Object.keys(props)) {
      properties++;
      totalStringLength += name.length;
      const at = pointer(node.path, 'properties', name);
      if (!required.has(name)) optionalParameters.push(at);
      const child = props[name];
      const target =
        isSchemaObject(child) && typeof child.$ref === 'string'
          ? resolveLocalRef(rootSchema, child.$ref)
          : undefined;
      if (isUnion(child) || isUnion(target)) unionParameters.push(at);
    }
  }

  return {
    properties,
    enumValues,
    totalStringLength,
    largeStringEnums,
    optionalParameters,
    unionParameters,
    maxItemsSum,
  };
}
