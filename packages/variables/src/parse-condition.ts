import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type Condition,
  type Operand,
} from './condition.js';
import {
  at,
  clip,
  type Reader,
  readArray,
  readObject,
  readString,
  typeName,
} from './create-reader.js';
import { LIMITS } from './limits.js';
import { readChoiceValue, readChoiceValues } from './parse-domain.js';
import { parseExpression } from './parse-expression.js';
import { VariableSpaceError } from './variable-space-error.js';

const PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/**
 * Reads a condition: the JSON AST, or a string in the expression language, which is parsed into
 * the AST. Every referenced variable path is added to `refs` for the space-level checks.
 */
export function parseCondition(
  r: Reader,
  value: unknown,
  path: string,
  refs: Set<string>,
  depth = 0,
): Condition | undefined {
  if (typeof value === 'string') {
    const text = readString(r, value, path, LIMITS.expression);
    if (text === undefined) return undefined;
    let ast: Condition;
    try {
      ast = parseExpression(text);
    } catch (error) {
      if (!(error instanceof VariableSpaceError)) throw error;
      return r.fail(error.code, path, error.message);
    }
    return parseCondition(r, ast, path, refs, depth);
  }
  if (++r.budget.conditions > LIMITS.conditionNodes) {
    return r.fail(
      'too_large',
      path,
      `conditions have more than ${LIMITS.conditionNodes} nodes in total`,
    );
  }
  if (depth > LIMITS.conditionDepth)
    return r.fail('too_large', path, `condition is nested deeper than ${LIMITS.conditionDepth}`);
  const obj = readObject(r, value, path);
  if (!obj) return undefined;
  const keys = Object.keys(obj);
  if ('var' in obj) return parseComparison(r, obj, keys, path, refs);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const key = keys[0];
    const list = readArray(r, obj[key], at(path, key), LIMITS.conditionNodes);
    if (!list) return undefined;
    const items: Condition[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = parseCondition(r, list[i], at(at(path, key), i), refs, depth + 1);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return key === 'all' ? { all: items } : { any: items };
  }
  if (keys.length === 1 && keys[0] === 'not') {
    const inner = parseCondition(r, obj.not, at(path, 'not'), refs, depth + 1);
    return inner === undefined ? undefined : { not: inner };
  }
  if (keys.length === 2 && 'when' in obj && 'then' in obj) {
    const when = parseCondition(r, obj.when, at(path, 'when'), refs, depth + 1);
    const then = parseCondition(r, obj.then, at(path, 'then'), refs, depth + 1);
    return when === undefined || then === undefined ? undefined : { when, then };
  }
  return r.fail(
    'invalid_condition',
    path,
    `expected {var, <operator>}, {all}, {any}, {not} or {when, then}, got keys [${keys.slice(0, 5).map(clip).join(', ')}]`,
  );
}

function parseComparison(
  r: Reader,
  obj: Record<string, unknown>,
  keys: string[],
  path: string,
  refs: Set<string>,
): Condition | undefined {
  const varPath = readVarPath(r, obj.var, at(path, 'var'), refs);
  const ops = keys.filter((k) => k !== 'var');
  const op = ops[0] as ComparisonOperator | undefined;
  if (ops.length !== 1 || op === undefined || !COMPARISON_OPERATORS.includes(op)) {
    return r.fail(
      'invalid_condition',
      path,
      `a comparison needs exactly one operator of ${COMPARISON_OPERATORS.join(', ')}`,
    );
  }
  if (varPath === undefined) return undefined;
  const raw = obj[op];
  const opPath = at(path, op);
  if (op === 'in' || op === 'nin') {
    const list = readArray(r, raw, opPath, LIMITS.choices);
    const values = list && readChoiceValues(r, list, opPath);
    if (!values) return undefined;
    return op === 'in' ? { var: varPath, in: values } : { var: varPath, nin: values };
  }
  const operand = readOperand(r, raw, opPath, refs, op === 'eq' || op === 'ne');
  if (operand === undefined) return undefined;
  return { var: varPath, [op]: operand } as Condition;
}

function readOperand(
  r: Reader,
  value: unknown,
  path: string,
  refs: Set<string>,
  anyLiteral: boolean,
): Operand | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = readObject(r, value, path, new Set(['var']));
    if (!obj) return undefined;
    const ref = readVarPath(r, obj.var, at(path, 'var'), refs);
    return ref === undefined ? undefined : { var: ref };
  }
  if (!anyLiteral && typeof value !== 'number') {
    return r.fail('invalid_condition', path, `expected a number or {var}, got ${typeName(value)}`);
  }
  return readChoiceValue(r, value, path);
}

function readVarPath(
  r: Reader,
  value: unknown,
  path: string,
  refs: Set<string>,
): string | undefined {
  const text = readString(r, value, path, LIMITS.name * LIMITS.compositeDepth);
  if (text === undefined) return undefined;
  if (!PATH.test(text) || text.split('.').includes('__proto__')) {
    return r.fail('invalid_condition', path, `"${clip(text)}" is not a variable path`);
  }
  refs.add(text);
  return text;
}
