import {
  COMPATIBILITY_POLICIES,
  type CompatibilityPolicy,
  JSON_SCHEMA_DRAFTS,
  type JsonSchemaDraft,
} from '@llmsr/spec';
import { RegistryError } from './registry-error.js';

/**
 * The JSON Schema drafts (`jsonSchemaDefaultDraft`) and compatibility policies
 * (`compatibilityPolicy`) a config can name, defined once in `@llmsr/spec`.
 */
export {
  COMPATIBILITY_POLICIES,
  type CompatibilityPolicy,
  JSON_SCHEMA_DRAFTS,
  type JsonSchemaDraft,
} from '@llmsr/spec';

/**
 * Check a JSON Schema draft name (case-insensitive, `draft7` accepted for `draft-07`).
 * @throws RegistryError `INVALID_INPUT` with `details.field`.
 */
export function parseJsonSchemaDraft(
  value: unknown,
  field = 'jsonSchemaDefaultDraft',
): JsonSchemaDraft {
  const draft = toJsonSchemaDraft(value);
  if (draft) return draft;
  throw new RegistryError(
    'INVALID_INPUT',
    `Invalid ${field}; use one of ${JSON_SCHEMA_DRAFTS.join(', ')}`,
    { field },
  );
}

/**
 * Check the config settings the registry itself acts on, among a config's extra fields:
 * `compatibilityPolicy` (`STRICT` | `LENIENT`, case-insensitive, stored upper-case), `normalize`
 * (boolean) and `jsonSchemaDefaultDraft` (a {@link JSON_SCHEMA_DRAFTS} name). A `null` value
 * removes the setting; every other field is kept as given (the apps check their types).
 * @throws RegistryError `INVALID_INPUT` with `details.field` naming the bad setting.
 */
export function parseConfigExtra(extra: Record<string, unknown>): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(extra)) {
    if (value === null && field in SETTINGS) continue;
    const parse = SETTINGS[field as keyof typeof SETTINGS];
    checked[field] = parse ? parse(value) : value;
  }
  return checked;
}

/**
 * The value of one acted-on setting in a stored config, or `undefined` when unset or unusable
 * (a row written before these checks existed must fall back, not fail every registration).
 */
export function readConfigSetting<K extends keyof typeof SETTINGS>(
  extra: Record<string, unknown> | undefined,
  field: K,
): ReturnType<(typeof SETTINGS)[K]> | undefined {
  const value = extra?.[field];
  if (value === undefined || value === null) return undefined;
  try {
    return SETTINGS[field](value) as ReturnType<(typeof SETTINGS)[K]>;
  } catch {
    return undefined;
  }
}

const SETTINGS = {
  compatibilityPolicy: (value: unknown): CompatibilityPolicy => {
    const upper = typeof value === 'string' ? value.toUpperCase() : value;
    if ((COMPATIBILITY_POLICIES as readonly unknown[]).includes(upper)) {
      return upper as CompatibilityPolicy;
    }
    throw new RegistryError(
      'INVALID_INPUT',
      `Invalid compatibilityPolicy; use one of ${COMPATIBILITY_POLICIES.join(', ')}`,
      { field: 'compatibilityPolicy' },
    );
  },
  normalize: (value: unknown): boolean => {
    if (typeof value === 'boolean') return value;
    throw new RegistryError('INVALID_INPUT', 'normalize must be true or false', {
      field: 'normalize',
    });
  },
  jsonSchemaDefaultDraft: (value: unknown): JsonSchemaDraft => parseJsonSchemaDraft(value),
};

function toJsonSchemaDraft(value: unknown): JsonSchemaDraft | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  // `draft7` and `draft-7` are common spellings of `draft-07`.
  const spelled = /^draft-?([0-9])$/.exec(lower);
  const name = spelled ? `draft-0${spelled[1]}` : lower;
  return (JSON_SCHEMA_DRAFTS as readonly string[]).includes(name)
    ? (name as JsonSchemaDraft)
    : undefined;
}
