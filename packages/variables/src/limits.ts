/**
 * Hard limits that keep hostile definitions and configurations from exhausting memory or time.
 * Each is far above what a real LLM program needs.
 */
export const LIMITS = {
  /** Characters in a name (variable, constraint, implementation, space id). */
  name: 128,
  /** Characters in descriptions and other prose. */
  text: 10_000,
  /** Characters in one string choice value (prompt variants can be long). */
  stringValue: 100_000,
  /** Variables in a space, counting nested ones. */
  variables: 2_000,
  /** Values of one choice variable or implementations of a module variable. */
  choices: 10_000,
  /** Choice values and `in`/`nin` entries in a whole space. */
  totalValues: 200_000,
  /** Characters in all string choice values of a space together. */
  totalChars: 10_000_000,
  /** Nesting of composite variables. */
  compositeDepth: 16,
  /** Nesting of conditions. */
  conditionDepth: 32,
  /** Nodes in all conditions of a space together. */
  conditionNodes: 20_000,
  /** Cross-variable constraints in a space. */
  constraints: 1_000,
  /** Nesting of metadata JSON. */
  jsonDepth: 32,
  /** Nodes in all metadata of a space together. */
  jsonNodes: 100_000,
  /** Keys of one object read from input. */
  objectKeys: 10_000,
  /** Issues collected before giving up. */
  issues: 100,
  /** Configurations one sampling call may return. */
  sampleCount: 100_000,
  /** Candidate draws one sampling call may make, whatever the count. */
  sampleDraws: 2_000_000,
  /** Characters in a constraint expression string. */
  expression: 10_000,
  /** Evaluated points for the multi-objective helpers. */
  points: 10_000,
} as const;
