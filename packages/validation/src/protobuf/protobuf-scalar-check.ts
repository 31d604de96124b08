import type protobuf from 'protobufjs';
import { protobufScalarProblem } from './protobuf-json-scalar.js';

/** A yes/no check of one JSON value; `false` may also mean "ask the full walk". */
export type ProtobufValueCheck = (value: unknown) => boolean;

const FLOAT_MAX = 3.4028234663852886e38;

/** The rare forms (numeric strings, "NaN", int64 beyond 2^53 as strings) take the full rules. */
function viaProblem(type: string): ProtobufValueCheck {
  return (value) => protobufScalarProblem(type, value) === undefined;
}

/**
 * A check that accepts exactly what {@link protobufScalarProblem} accepts for `type`, with the
 * common JSON form of each scalar (a plain number, string or boolean) decided in one comparison.
 */
export function compileProtobufScalarCheck(type: string): ProtobufValueCheck {
  const slow = viaProblem(type);
  switch (type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'bool':
      return (value) => typeof value === 'boolean';
    case 'double':
      // NaN fails `value === value`; everything else typed as a number is a double.
      // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test
      return (value) => (typeof value === 'number' && value === value) || slow(value);
    case 'float':
      return (value) =>
        (typeof value === 'number' && value <= FLOAT_MAX && value >= -FLOAT_MAX) || slow(value);
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return (value) => (typeof value === 'number' && (value | 0) === value) || slow(value);
    case 'uint32':
    case 'fixed32':
      return (value) => (typeof value === 'number' && value >>> 0 === value) || slow(value);
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return (value) => (typeof value === 'number' && Number.isSafeInteger(value)) || slow(value);
    case 'uint64':
    case 'fixed64':
      return (value) =>
        (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || slow(value);
    default:
      return slow;
  }
}

/**
 * A check of an enum value given by name or number, accepting what `checkEnumJson` accepts:
 * any int32 for open enums, declared numbers only for closed (proto2) ones.
 */
export function compileProtobufEnumCheck(enumType: protobuf.Enum): ProtobufValueCheck {
  const names = enumType.values;
  const numbers = enumType.valuesById;
  const closed =
    (enumType as unknown as { _features?: { enum_type?: string } })._features?.enum_type ===
    'CLOSED';
  const nullable = enumType.fullName === '.google.protobuf.NullValue';
  return (value) => {
    if (typeof value === 'string') return Object.hasOwn(names, value);
    if (typeof value === 'number') {
      if ((value | 0) !== value) return false;
      return !closed || Object.hasOwn(numbers, value);
    }
    return value === null && nullable;
  };
}

const QUICK_STRING = 1;
const QUICK_BOOL = 2;
const QUICK_INT32 = 3;
const QUICK_DOUBLE = 4;
const QUICK_UINT32 = 5;
const QUICK_INT64 = 6;

/**
 * A small number for scalars whose usual JSON form one comparison accepts (`0` for the rest):
 * a message check tests them in its loop with {@link protobufQuickPass}, which saves a call
 * through a per-field closure, the main cost left once nothing allocates.
 */
export function protobufQuickKind(type: string): number {
  switch (type) {
    case 'string':
      return QUICK_STRING;
    case 'bool':
      return QUICK_BOOL;
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return QUICK_INT32;
    case 'double':
      return QUICK_DOUBLE;
    case 'uint32':
    case 'fixed32':
      return QUICK_UINT32;
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return QUICK_INT64;
    default:
      return 0;
  }
}

/**
 * Whether `value` is certainly valid for a quick kind; `false` leaves it to the full scalar
 * check (numeric strings, "NaN", out-of-range numbers...).
 */
export function protobufQuickPass(kind: number, value: unknown): boolean {
  switch (kind) {
    case QUICK_STRING:
      return typeof value === 'string';
    case QUICK_BOOL:
      return typeof value === 'boolean';
    case QUICK_INT32:
      return typeof value === 'number' && (value | 0) === value;
    case QUICK_DOUBLE:
      // biome-ignore lint/suspicious/noSelfCompare: the cheapest NaN test
      return typeof value === 'number' && value === value;
    case QUICK_UINT32:
      return typeof value === 'number' && value >>> 0 === value;
    case QUICK_INT64:
      return Number.isSafeInteger(value);
    default:
      return false;
  }
}
