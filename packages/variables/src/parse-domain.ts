import type { ChoiceValue } from './condition.js';
import { at, type Reader, readArray, readBoolean, readNumber, typeName } from './create-reader.js';
import { LIMITS } from './limits.js';
import { gridCount, gridIndex, gridValue, roundToPrecision } from './numeric-grid.js';
import type { ChoiceDomain, Domain, FloatDomain, IntegerDomain } from './variable.js';

/** Definition fields of each domain kind. */
export const DOMAIN_FIELDS = {
  float: ['min', 'max', 'step', 'precision', 'log', 'default'],
  integer: ['min', 'max', 'step', 'log', 'default'],
  choice: ['values', 'default'],
} as const;

/** Default rounding of floats that have neither a step nor a log scale. */
export const DEFAULT_FLOAT_PRECISION = 0.01;

/**
 * Reads and normalises a float, integer or choice domain from an already-checked object,
 * reporting every broken constraint with its rule.
 */
export function parseDomain(
  r: Reader,
  kind: Domain['kind'],
  def: Record<string, unknown>,
  path: string,
): Domain | undefined {
  if (kind === 'float') return parseFloatDomain(r, def, path);
  if (kind === 'integer') return parseIntegerDomain(r, def, path);
  return parseChoiceDomain(r, def, path);
}

function parseFloatDomain(
  r: Reader,
  def: Record<string, unknown>,
  path: string,
): FloatDomain | undefined {
  const min = readNumber(r, def.min, at(path, 'min'));
  let max = readNumber(r, def.max, at(path, 'max'));
  const log = def.log === undefined ? false : readBoolean(r, def.log, at(path, 'log'));
  const step = def.step === undefined ? undefined : readNumber(r, def.step, at(path, 'step'));
  let precision =
    def.precision === undefined ? undefined : readNumber(r, def.precision, at(path, 'precision'));
  if (min === undefined || max === undefined || log === undefined) return undefined;
  if (!(min < max))
    return r.fail('invalid_range', path, `min (${min}) must be below max (${max})`, 'min < max');
  if (!Number.isFinite(max - min)) {
    return r.fail('invalid_range', path, 'max - min overflows to Infinity', 'finite range');
  }
  if (log && min <= 0)
    return r.fail(
      'invalid_range',
      at(path, 'min'),
      'a log scale needs min > 0',
      'min > 0 when log',
    );
  if (step !== undefined) {
    if (!(step > 0))
      return r.fail('invalid_step', at(path, 'step'), 'step must be positive', 'step > 0');
    if (log)
      return r.fail(
        'conflicting_constraints',
        at(path, 'step'),
        'step is not supported with a log scale',
        'no step when log',
      );
    if (precision !== undefined) {
      return r.fail(
        'conflicting_constraints',
        at(path, 'precision'),
        'give either step or precision, not both',
        'step xor precision',
      );
    }
    if (gridCount(min, max, step) < 2)
      return r.fail(
        'invalid_step',
        at(path, 'step'),
        'step is larger than the range',
        'step <= max - min',
      );
    if (gridCount(min, max, step) > Number.MAX_SAFE_INTEGER) {
      return r.fail(
        'invalid_step',
        at(path, 'step'),
        'step is too small for the range',
        'finite grid',
      );
    }
    // Like Optuna: a range not divisible by step is cut down to its last grid point.
    max = gridValue(gridCount(min, max, step) - 1, min, step);
  } else if (precision !== undefined) {
    if (!(precision > 0))
      return r.fail(
        'invalid_step',
        at(path, 'precision'),
        'precision must be positive',
        'precision > 0',
      );
  } else if (!log) {
    precision = DEFAULT_FLOAT_PRECISION;
  }
  let value = def.default === undefined ? min : readNumber(r, def.default, at(path, 'default'));
  if (value === undefined) return undefined;
  if (value < min || value > max) {
    return r.fail(
      'invalid_default',
      at(path, 'default'),
      `default ${value} is outside [${min}, ${max}]`,
      'min <= default <= max',
    );
  }
  if (step !== undefined) {
    const k = gridIndex(value, min, step);
    if (k === undefined) {
      return r.fail(
        'invalid_default',
        at(path, 'default'),
        `default ${value} is not min + k * ${step}`,
        'default on step grid',
      );
    }
    value = gridValue(k, min, step);
  } else if (precision !== undefined) {
    value = roundToPrecision(value, precision, min, max);
  }
  return {
    kind: 'float',
    min,
    max,
    ...(step === undefined ? {} : { step }),
    ...(precision === undefined ? {} : { precision }),
    log,
    default: value,
  };
}

function parseIntegerDomain(
  r: Reader,
  def: Record<string, unknown>,
  path: string,
): IntegerDomain | undefined {
  const min = readInteger(r, def.min, at(path, 'min'));
  let max = readInteger(r, def.max, at(path, 'max'));
  const log = def.log === undefined ? false : readBoolean(r, def.log, at(path, 'log'));
  const step = def.step === undefined ? 1 : readInteger(r, def.step, at(path, 'step'));
  if (min === undefined || max === undefined || log === undefined || step === undefined)
    return undefined;
  if (min > max)
    return r.fail('invalid_range', path, `min (${min}) must not exceed max (${max})`, 'min <= max');
  if (max - min > Number.MAX_SAFE_INTEGER) {
    return r.fail('invalid_range', path, 'max - min exceeds 2^53 - 1', 'safe range');
  }
  if (step < 1)
    return r.fail('invalid_step', at(path, 'step'), 'step must be positive', 'step > 0');
  if (log && step !== 1)
    return r.fail(
      'conflicting_constraints',
      at(path, 'step'),
      'a log scale needs step 1',
      'step = 1 when log',
    );
  if (log && min < 1)
    return r.fail(
      'invalid_range',
      at(path, 'min'),
      'a log scale needs min >= 1',
      'min >= 1 when log',
    );
  max = min + Math.floor((max - min) / step) * step;
  const value = def.default === undefined ? min : readInteger(r, def.default, at(path, 'default'));
  if (value === undefined) return undefined;
  if (value < min || value > max) {
    return r.fail(
      'invalid_default',
      at(path, 'default'),
      `default ${value} is outside [${min}, ${max}]`,
      'min <= default <= max',
    );
  }
  if ((value - min) % step !== 0) {
    return r.fail(
      'invalid_default',
      at(path, 'default'),
      `default ${value} is not min + k * ${step}`,
      'default on step grid',
    );
  }
  return { kind: 'integer', min, max, step, log, default: value };
}

function readInteger(r: Reader, value: unknown, path: string): number | undefined {
  const n = readNumber(r, value, path);
  if (n === undefined) return undefined;
  if (!Number.isSafeInteger(n))
    return r.fail('invalid_type', path, `expected a safe integer, got ${n}`, 'integer');
  return n;
}

function parseChoiceDomain(
  r: Reader,
  def: Record<string, unknown>,
  path: string,
): ChoiceDomain | undefined {
  const list = readArray(r, def.values, at(path, 'values'), LIMITS.choices);
  if (!list) return undefined;
  if (list.length === 0)
    return r.fail(
      'empty_choices',
      at(path, 'values'),
      'values must not be empty',
      'non-empty values',
    );
  const values = readChoiceValues(r, list, at(path, 'values'));
  if (!values) return undefined;
  if (def.default === undefined) return { kind: 'choice', values, default: values[0]! };
  const value = readChoiceValue(r, def.default, at(path, 'default'));
  if (value === undefined) return undefined;
  if (!values.includes(value)) {
    return r.fail(
      'invalid_default',
      at(path, 'default'),
      'default is not one of the values',
      'default in values',
    );
  }
  return { kind: 'choice', values, default: value };
}

/** Reads distinct choice values. */
export function readChoiceValues(
  r: Reader,
  list: unknown[],
  path: string,
): ChoiceValue[] | undefined {
  const values: ChoiceValue[] = [];
  const seen = new Set<ChoiceValue>();
  let ok = true;
  r.budget.values += list.length;
  if (r.budget.values > LIMITS.totalValues) {
    return r.fail(
      'too_large',
      path,
      `a space holds at most ${LIMITS.totalValues} choice values in total`,
    );
  }
  for (let i = 0; i < list.length; i++) {
    const value = readChoiceValue(r, list[i], at(path, i));
    if (value === undefined) ok = false;
    else if (seen.has(value)) {
      r.fail('invalid_value', at(path, i), 'values must be distinct', 'distinct values');
      ok = false;
    } else {
      seen.add(value);
      values.push(value);
    }
  }
  return ok ? values : undefined;
}

/** Reads one string, finite number or boolean. */
export function readChoiceValue(r: Reader, value: unknown, path: string): ChoiceValue | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return readNumber(r, value, path) === undefined ? undefined : value === 0 ? 0 : value;
  if (typeof value === 'string') {
    r.budget.chars += value.length;
    if (r.budget.chars > LIMITS.totalChars) {
      return r.fail(
        'too_large',
        path,
        `a space holds at most ${LIMITS.totalChars} characters of string values`,
      );
    }
    if (value.length > LIMITS.stringValue)
      return r.fail('too_large', path, `string is longer than ${LIMITS.stringValue} characters`);
    return value;
  }
  return r.fail(
    'invalid_type',
    path,
    `expected a string, number or boolean, got ${typeName(value)}`,
  );
}
