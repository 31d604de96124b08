import { type CompareContext, issue, type Violations } from './compare-context.js';

/** Rule ids and wording for one bound keyword. @internal */
export interface BoundRules {
  keyword: string;
  added: string;
  tightened: string;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The new upper bound (maxLength, maxItems, ...) must not be added or lowered. @internal */
export function checkUpperBound(
  context: CompareContext,
  input: { old: unknown; new: unknown; rules: BoundRules },
): Violations {
  const oldValue = finite(input.old);
  const newValue = finite(input.new);
  const { keyword, added, tightened } = input.rules;
  if (newValue === undefined) return [];
  if (oldValue === undefined) {
    return issue(
      context,
      added,
      ({ reader, writer }) =>
        `The ${reader} schema has ${keyword} ${newValue}; the ${writer} schema has none`,
      `remove ${keyword}`,
    );
  }
  if (newValue < oldValue) {
    return issue(
      context,
      tightened,
      ({ reader, writer }) =>
        `${keyword} is ${newValue} in the ${reader} schema, lower than ${oldValue} in the ${writer} schema`,
      `keep ${keyword} at ${oldValue} or more`,
    );
  }
  return [];
}

/** The new lower bound (minLength, minItems, ...) must not be added or raised. @internal */
export function checkLowerBound(
  context: CompareContext,
  input: { old: unknown; new: unknown; rules: BoundRules },
): Violations {
  const oldValue = finite(input.old) ?? 0;
  const newValue = finite(input.new);
  const { keyword, added, tightened } = input.rules;
  if (newValue === undefined || newValue <= oldValue) return [];
  if (finite(input.old) === undefined) {
    return issue(
      context,
      added,
      ({ reader, writer }) =>
        `The ${reader} schema has ${keyword} ${newValue}; the ${writer} schema has none`,
      `remove ${keyword}`,
    );
  }
  return issue(
    context,
    tightened,
    ({ reader, writer }) =>
      `${keyword} is ${newValue} in the ${reader} schema, higher than ${oldValue} in the ${writer} schema`,
    `keep ${keyword} at ${oldValue} or less`,
  );
}
