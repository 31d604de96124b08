import type { CompatibilityLevel } from '@llmsr/spec';

/** The level list, default and guard are defined once in `@llmsr/spec`; re-exported for this package's API. */
export {
  COMPATIBILITY_LEVELS,
  DEFAULT_COMPATIBILITY_LEVEL,
  isCompatibilityLevel,
} from '@llmsr/spec';

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
