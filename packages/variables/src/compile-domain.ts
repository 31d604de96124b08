import type { ChoiceValue } from './condition.js';
import { clip, typeName } from './create-reader.js';
import { decimals, gridIndex, gridValue, roundToPrecision } from './numeric-grid.js';
import type { Domain, ModuleVariable } from './variable.js';
import type { VariableSpaceIssue } from './variable-space-error.js';

/** Marks a value that failed its domain check. */
export const INVALID: unique symbol = Symbol('invalid');

/** A compiled domain check: the normalised value, or INVALID after pushing an issue. */
export type DomainCheck = (raw: unknown, issues: VariableSpaceIssue[], path: string) => unknown;

/** Builds the check for a domain (float, integer, choice) or a module variable's implementations. */
export function compileDomain(domain: Domain | ModuleVariable): DomainCheck {
  switch (domain.kind) {
    case 'float':
    case 'integer':
      return compileNumeric(domain);
    case 'choice':
      return compileChoice(domain.values, 'value');
    case 'module':
      return compileChoice(
        domain.implementations.map((i) => i.name),
        'implementation',
      );
  }
}

function compileNumeric(domain: Extract<Domain, { kind: 'float' | 'integer' }>): DomainCheck {
  const { min, max } = domain;
  const integer = domain.kind === 'integer';
  const step =
    domain.kind === 'integer' ? (domain.step === 1 ? undefined : domain.step) : domain.step;
  const precision = domain.kind === 'float' ? domain.precision : undefined;
  const range = `${min} <= value <= ${max}`;
  const stepDigits = step === undefined ? 0 : Math.max(decimals(min), decimals(step));
  const precisionDigits = precision === undefined ? 0 : decimals(precision);
  return (raw, issues, path) => {
    if (typeof raw !== 'number') {
      issues.push({
        code: 'invalid_type',
        path,
        message: `expected a number, got ${typeName(raw)}`,
        rule: integer ? 'integer' : 'number',
      });
      return INVALID;
    }
    if (!Number.isFinite(raw)) {
      issues.push({
        code: 'not_finite',
        path,
        message: `expected a finite number, got ${raw}`,
        rule: 'finite',
      });
      return INVALID;
    }
    if (integer && !Number.isInteger(raw)) {
      issues.push({
        code: 'invalid_type',
        path,
        message: `expected an integer, got ${raw}`,
        rule: 'integer',
      });
      return INVALID;
    }
    if (raw < min || raw > max) {
      issues.push({
        code: 'out_of_range',
        path,
        message: `${raw} is outside [${min}, ${max}]`,
        rule: range,
      });
      return INVALID;
    }
    if (step !== undefined) {
      const k = gridIndex(raw, min, step);
      if (k === undefined) {
        issues.push({
          code: 'off_step',
          path,
          message: `${raw} is not ${min} + k * ${step}`,
          rule: `step ${step}`,
        });
        return INVALID;
      }
      return integer ? raw : gridValue(k, min, step, stepDigits);
    }
    return precision === undefined
      ? raw
      : roundToPrecision(raw, precision, min, max, precisionDigits);
  };
}

function compileChoice(values: readonly ChoiceValue[], noun: string): DomainCheck {
  const set = new Set<unknown>(values);
  const listed = values
    .slice(0, 10)
    .map((v) => JSON.stringify(typeof v === 'string' ? clip(v) : v));
  const rule = `one of [${listed.join(', ')}${values.length > 10 ? ', ...' : ''}]`;
  return (raw, issues, path) => {
    if (set.has(raw)) return raw;
    const shown = typeof raw === 'string' ? JSON.stringify(clip(raw)) : typeName(raw);
    issues.push({
      code: 'not_allowed',
      path,
      message: `${shown} is not an allowed ${noun}; expected ${rule}`,
      rule,
    });
    return INVALID;
  };
}
