/** The seven compatibility levels, with Confluent's names, in Confluent's order. */
export const COMPATIBILITY_LEVELS = Object.freeze([
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const);

/** A compatibility level: which earlier versions a new one is checked against, and how. */
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

/** The level used when none is configured (Confluent's server default). */
export const DEFAULT_COMPATIBILITY_LEVEL: CompatibilityLevel = 'BACKWARD';

/**
 * True when `value` is one of the seven level names (exact, upper-case).
 *
 * @example
 * ```ts
 * isCompatibilityLevel('FULL_TRANSITIVE'); // true
 * isCompatibilityLevel('full'); // false
 * ```
 */
export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}
