/** A value a choice variable can take, and a literal a condition can compare with. */
export type ChoiceValue = string | number | boolean;

/** A reference to another variable's value, by dotted path (`llm.temperature`). */
export interface VariableRef {
  var: string;
}

/** The right-hand side of `eq`/`ne`/`lt`/...: a literal or another variable. */
export type Operand = ChoiceValue | VariableRef;

/** Compares one variable (by dotted path) with an operand; exactly one operator key is set. */
export type Comparison = { var: string } & (
  | { eq: Operand }
  | { ne: Operand }
  | { lt: number | VariableRef }
  | { lte: number | VariableRef }
  | { gt: number | VariableRef }
  | { gte: number | VariableRef }
  | { in: ChoiceValue[] }
  | { nin: ChoiceValue[] }
);

/**
 * A declarative, serialisable boolean expression over a configuration. A comparison with a
 * variable that is absent (inactive or invalid) is false.
 *
 * @example
 * const rule: Condition = {
 *   when: { var: 'reasoning', eq: 'chain_of_thought' },
 *   then: { var: 'temperature', lte: 1.0 },
 * };
 */
export type Condition =
  | Comparison
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { when: Condition; then: Condition };

/** The comparison operators, in the order they are looked up. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin'] as const;

/** One of {@link COMPARISON_OPERATORS}. */
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
