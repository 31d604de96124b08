import { type Configuration, compileSpace, type ValidationResult } from './compile-space.js';
import type { VariableSpace } from './space.js';
import { VariableSpaceError } from './variable-space-error.js';

/**
 * Validates a configuration against a space: unknown keys, missing values (filled from
 * defaults), domain errors, conditional domains, inactive variables and cross-variable
 * constraints, all reported at once. Returns the normalised configuration when valid.
 * Pass a space from `parseSpace` (its compiled validator is cached); a raw definition is parsed
 * and compiled again on every call.
 *
 * @example
 * const result = validateConfiguration(space, { temperature: 3 });
 * // { valid: false, issues: [{ code: 'out_of_range', path: 'temperature', rule: '0 <= value <= 2', ... }] }
 */
export function validateConfiguration(space: VariableSpace, config: unknown): ValidationResult {
  return compileSpace(space).validate(config);
}

/** Like {@link validateConfiguration}, but returns the normalised configuration or throws `invalid_configuration`. */
export function validateConfigurationOrThrow(space: VariableSpace, config: unknown): Configuration {
  const result = validateConfiguration(space, config);
  if (result.valid) return result.config;
  throw new VariableSpaceError(result.issues, { code: 'invalid_configuration' });
}
