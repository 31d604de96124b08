import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '@llmsr/spec';
import { RegistryError } from './registry-error.js';

/** The seven compatibility levels, defined once in `@llmsr/spec`. */
export { COMPATIBILITY_LEVELS } from '@llmsr/spec';

/**
 * Check a compatibility level name (case-insensitive).
 * @throws RegistryError `INVALID_COMPATIBILITY_LEVEL`.
 */
export function parseCompatibilityLevel(value: unknown): CompatibilityLevel {
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (typeof upper === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(upper)) {
    return upper as CompatibilityLevel;
  }
  throw new RegistryError(
    'INVALID_COMPATIBILITY_LEVEL',
    `Invalid compatibility level; use one of ${COMPATIBILITY_LEVELS.join(', ')}`,
    { field: 'compatibility_level' },
  );
}
