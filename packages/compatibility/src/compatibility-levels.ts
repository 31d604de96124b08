import type { CompatibilityLevel } from './types.js';

/** Every compatibility level, in Confluent's order. */
export const COMPATIBILITY_LEVELS: readonly CompatibilityLevel[] = Object.freeze([
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
]);

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

/** Which directions a level checks and whether it checks every earlier version. */
export interface LevelPlan {
  /** In Confluent's message order: FULL checks old-reads-new (forward) first, then new-reads-old. */
  directions: readonly ('backward' | 'forward')[];
  transitive: boolean;
}

/** The directions and version scope of a level. */
export function planOf(level: CompatibilityLevel): LevelPlan {
  switch (level) {
    case 'NONE':
      return { directions: [], transitive: false };
    case 'BACKWARD':
      return { directions: ['backward'], transitive: false };
    case 'BACKWARD_TRANSITIVE':
      return { directions: ['backward'], transitive: true };
    case 'FORWARD':
      return { directions: ['forward'], transitive: false };
    case 'FORWARD_TRANSITIVE':
      return { directions: ['forward'], transitive: true };
    case 'FULL':
      return { directions: ['forward', 'backward'], transitive: false };
    case 'FULL_TRANSITIVE':
      return { directions: ['forward', 'backward'], transitive: true };
  }
}
