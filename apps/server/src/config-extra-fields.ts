import { RegistryError } from '@llmsr/core';

/** Values of the `compatibilityPolicy` config field (Confluent's names). */
export const COMPATIBILITY_POLICIES = ['STRICT', 'LENIENT'] as const;

/** JSON Schema drafts a schema without `$schema` can be read as (`jsonSchemaDefaultDraft`). */
export const JSON_SCHEMA_DRAFTS = [
  'draft-04',
  'draft-06',
  'draft-07',
  '2019-09',
  '2020-12',
] as const;

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
