import { OutputError, PROVIDERS, ProviderError } from '@llmsr/llm';
import { RegistryError } from '../registry-error.js';

/**
 * Maps the `@llmsr/llm` errors (caller errors with stable codes) to registry errors, so the apps
 * answer them like any other: an unknown provider names the known ones, a schema the tools cannot
 * read is `INVALID_SCHEMA`. Anything else is rethrown as is.
 */
export function toLlmRegistryError(error: unknown): unknown {
  if (error instanceof ProviderError) {
    if (error.code === 'UNKNOWN_PROVIDER') {
      return new RegistryError('UNKNOWN_PROVIDER', error.message, {
        field: 'provider',
        allowed: [...PROVIDERS],
      });
    }
    return new RegistryError('INVALID_SCHEMA', error.message, {
      field: 'schema',
      reason: error.code,
      ...(error.path === undefined ? {} : { path: error.path }),
    });
  }
  if (error instanceof OutputError) {
    return new RegistryError('INVALID_SCHEMA', error.message, {
      field: 'schema',
      reason: error.code,
    });
  }
  return error;
}
