import type { MlTypeName } from '../ml-types/ml-type-ids.js';

/** A value a `Literal[...]` may hold. */
export type LiteralValue = string | number | boolean;

/** A string, optionally bounded. */
export interface StringType {
  kind: 'string';
  minLength?: number;
  maxLength?: number;
  /** An ECMAScript (`u` flag) regular expression. */
  pattern?: string;
}

/** An integer (JSON Schema `integer`), optionally bounded (inclusive). */
export interface IntegerType {
  kind: 'integer';
  minimum?: number;
  maximum?: number;
}

/** A number (JSON Schema `number`), optionally bounded (inclusive). */
export interface FloatType {
  kind: 'float';
  minimum?: number;
  maximum?: number;
}

/** `true` or `false`. */
export interface BooleanType {
  kind: 'boolean';
}

/** Any JSON value (`Any`, a bare `list` item or `dict` value). */
export interface AnyType {
  kind: 'any';
}

/** An array of `items`, optionally bounded in length. */
export interface ListType {
  kind: 'list';
  items: FieldType;
  minItems?: number;
  maxItems?: number;
}

/** An object with string keys and `values`. */
export interface DictType {
  kind: 'dict';
  values: FieldType;
}

/** `inner` or null; an optional field is also not required. */
export interface OptionalType {
  kind: 'optional';
  inner: FieldType;
}

/** One of a fixed list of values. */
export interface LiteralType {
  kind: 'literal';
  values: LiteralValue[];
}

/** Any of several types. */
export interface UnionType {
  kind: 'union';
  options: FieldType[];
}

/** An ML type by name, with its parameters. */
export interface MlFieldType {
  kind: 'ml';
  name: MlTypeName;
  /** `embedding` only: the exact number of components. */
  dimension?: number;
  /** `embedding` only: require norm 1 within this tolerance. */
  unitNorm?: number;
  /** `tensor` only: size per dimension, `null` for a free one. */
  shape?: (number | null)[];
}

/**
 * A named type supplied by the caller as a JSON Schema (DSPy's `custom_types`), e.g. a schema
 * registered in the registry. Compiled to a copy of `schema`; never tunable.
 */
export interface CustomType {
  kind: 'custom';
  name: string;
  schema: { [keyword: string]: unknown };
}

/** The type of a signature field, a small tree compiled to JSON Schema. */
export type FieldType =
  | StringType
  | IntegerType
  | FloatType
  | BooleanType
  | AnyType
  | ListType
  | DictType
  | OptionalType
  | LiteralType
  | UnionType
  | MlFieldType
  | CustomType;

/** Depth of a type tree (a scalar is 1). */
export function typeDepth(type: FieldType): number {
  switch (type.kind) {
    case 'list':
      return 1 + typeDepth(type.items);
    case 'dict':
      return 1 + typeDepth(type.values);
    case 'optional':
      return 1 + typeDepth(type.inner);
    case 'union':
      return 1 + Math.max(...type.options.map(typeDepth));
    default:
      return 1;
  }
}
