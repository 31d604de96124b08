import { REGISTRY_MODES, type RegistryMode } from '@llmsr/spec';
import { RegistryError } from './registry-error.js';

/** The registry modes, defined once in `@llmsr/spec`. */
export { REGISTRY_MODES } from '@llmsr/spec';

/**
 * Check a mode name (case-insensitive).
 * @throws RegistryError `INVALID_MODE`.
 */
export function parseMode(value: unknown): RegistryMode {
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (typeof upper === 'string' && (REGISTRY_MODES as readonly string[]).includes(upper)) {
    return upper as RegistryMode;
  }
  throw new RegistryError('INVALID_MODE', `Invalid mode; use one of ${REGISTRY_MODES.join(', ')}`, {
    field: 'mode',
  });
}
