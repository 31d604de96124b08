import { RegistryError } from './registry-error.js';

/**
 * Check version metadata: a JSON object (or null/absent).
 * @throws RegistryError `INVALID_INPUT`.
 */
export function parseMetadata(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new RegistryError('INVALID_INPUT', 'metadata must be a JSON object', {
      field: 'metadata',
    });
  }
  return value as Record<string, unknown>;
}
