import type { ChoiceValue, Condition, Operand } from './condition.js';

/** A configuration object as the evaluator sees it. */
export type ConfigObject = Record<string, unknown>;

/** A compiled condition: true when the configuration satisfies it. */
export type ConditionFn = (config: ConfigObject) => boolean;

/** Returns a reader for a dotted path; absent steps yield `undefined` (own properties only). */
export function compileGetter(path: string): (config: ConfigObject) => unknown {
  const parts = path.split('.');
  if (parts.length === 1) {
    const key = parts[0]!;
    return (config) => (Object.hasOwn(config, key) ? config[key] : undefined);
  }
  return (config) => {
    let current: unknown = config;
    for (const key of parts) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key))
        return undefined;
      current = (current as ConfigObject)[key];
    }
    return current;
  };
}

function operandFn(operand: Operand): (config: ConfigObject) => unknown {
  if (typeof operand === 'object') return compileGetter(operand.var);
  return () => operand;
}

/**
 * Compiles a condition into a closure once, so evaluating it on the hot path is a few
 * property reads and comparisons. A comparison with an absent variable is false.
 */
export function compileCondition(condition: Condition): ConditionFn {
  if ('all' in condition) {
    const items = condition.all.map(compileCondition);
    return (c) => {
      for (const item of items) if (!item(c)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const items = condition.any.map(compileCondition);
    return (c) => {
      for (const item of items) if (item(c)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (c) => !inner(c);
  }
  if ('when' in condition) {
    const when = compileCondition(condition.when);
    const then = compileCondition(condition.then);
    return (c) => !when(c) || then(c);
  }
  const get = compileGetter(condition.var);
  if ('in' in condition || 'nin' in condition) {
    const negate = 'nin' in condition;
    const set = new Set<ChoiceValue>('in' in condition ? condition.in : condition.nin);
    return (c) => {
      const value = get(c);
      return value !== undefined && set.has(value as ChoiceValue) !== negate;
    };
  }
  if ('eq' in condition || 'ne' in condition) {
    const negate = 'ne' in condition;
    const other = operandFn('eq' in condition ? condition.eq : condition.ne);
    return (c) => {
      const value = get(c);
      const target = other(c);
      return value !== undefined && target !== undefined && (value === target) !== negate;
    };
  }
  const [compare, operand] =
    'lt' in condition
      ? [(a: number, b: number) => a < b, condition.lt]
      : 'lte' in condition
        ? [(a: number, b: number) => a <= b, condition.lte]
        : 'gt' in condition
          ? [(a: number, b: number) => a > b, condition.gt]
          : [(a: number, b: number) => a >= b, condition.gte];
  const other = operandFn(operand);
  return (c) => {
    const value = get(c);
    const target = other(c);
    return typeof value === 'number' && typeof target === 'number' && compare(value, target);
  };
}
