import { DEFAULT_UNIT_NORM_TOLERANCE } from '../ml-types/unit-norm-keyword.js';
import type { FieldType } from './field-type.js';
import { SignatureError, type SignatureErrorDetails } from './signature-error.js';

/** Constraints a field type may carry; each applies to some kinds only. */
export interface FieldConstraints {
  /** Inclusive lower bound of an `int` or `float`. */
  min?: number;
  /** Inclusive upper bound of an `int` or `float`. */
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** ECMAScript regular expression (checked with the `u` flag) a `str` must match. */
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /** `embedding` only: require norm 1; a number is the tolerance. */
  unitNorm?: boolean | number;
}

/** Constraint names as written in signature text (snake case) and their builder spelling. */
export const CONSTRAINT_NAMES: Readonly<Record<string, keyof FieldConstraints>> = {
  min: 'min',
  max: 'max',
  min_length: 'minLength',
  max_length: 'maxLength',
  pattern: 'pattern',
  min_items: 'minItems',
  max_items: 'maxItems',
  unit_norm: 'unitNorm',
};

const PATTERN_LIMIT = 10_000;

/**
 * Returns `type` with `constraints` applied (to the inner type of an `Optional`), after
 * checking each one fits the type and has a sane value; throws `SIGNATURE_INVALID_CONSTRAINT`
 * with `where` otherwise.
 */
export function constrainType(
  type: FieldType,
  constraints: FieldConstraints,
  where: SignatureErrorDetails = {},
): FieldType {
  if (type.kind === 'optional')
    return { kind: 'optional', inner: constrainType(type.inner, constraints, where) };
  const fail = (message: string): never => {
    throw new SignatureError('SIGNATURE_INVALID_CONSTRAINT', message, where);
  };
  const out = { ...type } as FieldType & Record<string, unknown>;
  for (const [key, value] of Object.entries(constraints) as [keyof FieldConstraints, unknown][]) {
    if (value === undefined) continue;
    switch (key) {
      case 'min':
      case 'max': {
        if (type.kind !== 'integer' && type.kind !== 'float')
          fail(`${key} applies to int and float, not ${type.kind}`);
        const integer = type.kind === 'integer';
        if (
          typeof value !== 'number' ||
          !Number.isFinite(value) ||
          (integer && !Number.isSafeInteger(value))
        )
          fail(`${key} must be a finite ${integer ? 'integer' : 'number'}, got ${String(value)}`);
        out[key === 'min' ? 'minimum' : 'maximum'] = value;
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems': {
        const wants = key.endsWith('Length') ? 'string' : 'list';
        if (type.kind !== wants)
          fail(`${key} applies to ${wants === 'string' ? 'str' : 'list'}, not ${type.kind}`);
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
          fail(`${key} must be a non-negative integer, got ${String(value)}`);
        out[key] = value;
        break;
      }
      case 'pattern': {
        if (type.kind !== 'string') fail(`pattern applies to str, not ${type.kind}`);
        if (typeof value !== 'string' || value.length > PATTERN_LIMIT)
          fail(`pattern must be a string of at most ${PATTERN_LIMIT} characters`);
        try {
          new RegExp(value as string, 'u');
        } catch (error) {
          fail(`pattern is not a valid regular expression: ${(error as Error).message}`);
        }
        out.pattern = value;
        break;
      }
      case 'unitNorm': {
        if (type.kind !== 'ml' || type.name !== 'embedding')
          fail('unit_norm applies to embedding only');
        const tolerance = value === true ? DEFAULT_UNIT_NORM_TOLERANCE : value;
        if (value === false) break;
        if (typeof tolerance !== 'number' || !(tolerance >= 0 && tolerance <= 1))
          fail(`unit_norm must be true or a tolerance in [0, 1], got ${String(value)}`);
        out.unitNorm = tolerance;
        break;
      }
      default:
        fail(
          `unknown constraint "${String(key)}"; known: ${Object.keys(CONSTRAINT_NAMES).join(', ')}`,
        );
    }
  }
  checkBounds(out, fail);
  return out;
}

function checkBounds(type: Record<string, unknown>, fail: (message: string) => never): void {
  for (const [low, high] of [
    ['minimum', 'maximum'],
    ['minLength', 'maxLength'],
    ['minItems', 'maxItems'],
  ] as const) {
    const a = type[low];
    const b = type[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b)
      fail(`${low} ${a} is greater than ${high} ${b}`);
  }
}
