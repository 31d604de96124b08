import type { RegistryMode } from '@llmsr/storage';
import { RegistryError } from './registry-error.js';

/** The registry modes. */
export const REGISTRY_MODES: readonly RegistryMode[] = [
  'READWRITE',
  'READONLY',
  'READONLY_OVERRIDE',
  'IMPORT',
];

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
