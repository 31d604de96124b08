import { RegistryError } from '@llmsr/core';
import { COMPATIBILITY_POLICIES, JSON_SCHEMA_DRAFTS } from '@llmsr/spec';

/**
 * Values of the `compatibilityPolicy` config field and the JSON Schema drafts a schema without
 * `$schema` can be read as (`jsonSchemaDefaultDraft`), defined once in `@llmsr/spec`.
 */
export { COMPATIBILITY_POLICIES, JSON_SCHEMA_DRAFTS } from '@llmsr/spec';

/**
 * The config extras with a closed set of values, by their stored (Confluent) key. Core checks
 * them again; checking here names the API's own field in the error.
 */
const ALLOWED: Record<string, readonly string[]> = {
  compatibilityPolicy: COMPATIBILITY_POLICIES,
  jsonSchemaDefaultDraft: JSON_SCHEMA_DRAFTS,
};

/**
 * Check the value of a config extra stored under `key`, given as `field` by the client.
 * @throws RegistryError `INVALID_INPUT` naming the field and the allowed values.
 */
export function checkConfigExtra(key: string, field: string, value: unknown): void {
  const allowed = ALLOWED[key];
  if (allowed && !(typeof value === 'string' && allowed.includes(value))) {
    throw new RegistryError('INVALID_INPUT', `'${field}' must be one of ${allowed.join(', ')}`, {
      field,
      allowed: [...allowed],
    });
  }
}
