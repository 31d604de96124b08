import type { AvroNode } from './avro-node.js';

/** Avro's `SchemaIncompatibilityType` values, plus one for a reader field whose aliases match several writer fields. */
export type AvroIncompatibilityType =
  | 'NAME_MISMATCH'
  | 'FIXED_SIZE_MISMATCH'
  | 'MISSING_ENUM_SYMBOLS'
  | 'READER_FIELD_MISSING_DEFAULT_VALUE'
  | 'TYPE_MISMATCH'
  | 'MISSING_UNION_BRANCH'
  | 'READER_FIELD_AMBIGUOUS_ALIAS';

/** One incompatibility found by Avro schema resolution, with Avro's own message and location. */
export interface AvroIncompatibility {
  type: AvroIncompatibilityType;
  /** Apache Avro's message (`expected: Enum2`, `[C]`, `reader type: INT not compatible with writer type: LONG`). */
  message: string;
  /** Apache Avro's location (`/fields/1/type/size`). */
  location: string;
  /** Field path in the reader schema (`User.address.zip`); empty for an unnamed root. */
  path: string;
  /** Field path in the writer schema. */
  writerPath: string;
  /** The reader and writer nodes that failed. */
  reader: AvroNode;
  writer: AvroNode;
  /** Name of the reader field concerned, when one is. */
  fieldName?: string;
}

/** The outcome of comparing one reader/writer pair: empty when compatible. */
export type AvroResult = readonly AvroIncompatibility[];

/** The compatible outcome. */
export const AVRO_COMPATIBLE: AvroResult = Object.freeze([]);

/** Upper bound on reported incompatibilities: hostile schemas must not produce unbounded output. */
export const MAX_AVRO_INCOMPATIBILITIES = 1000;

/**
 * Concatenates two outcomes without repeating an incompatibility: memoized record pairs hand
 * back the same objects wherever a named type recurs, which would otherwise multiply them.
 */
export function mergeAvroResults(a: AvroResult, b: AvroResult): AvroResult {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [...a];
  for (const item of b) {
    if (out.length >= MAX_AVRO_INCOMPATIBILITIES) break;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Reports one incompatibility at the current location, optionally one token deeper (`name`, `size`). */
export type AvroReport = (
  type: AvroIncompatibilityType,
  reader: AvroNode,
  writer: AvroNode,
  message: string,
  extra?: { token?: string; fieldName?: string },
) => AvroResult;
