import { COMPATIBILITY_LEVELS, REGISTRY_MODES } from '@llmsr/spec';
import type { CompatibilityLevel, ConfigRecord, RegistryMode } from '@llmsr/storage';
import { type ChangeEvent, toNewEvent } from './change-events.js';
import {
  type CompatibilityPolicy,
  type JsonSchemaDraft,
  parseConfigExtra,
  readConfigSetting,
} from './parse-config-extra.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';

/** The compatibility levels and registry modes, defined once in `@llmsr/spec`. */
export { COMPATIBILITY_LEVELS, REGISTRY_MODES } from '@llmsr/spec';

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

/** The settings in force for a subject (see {@link resolveSubjectConfig}). */
export interface SubjectConfig {
  compatibilityLevel: CompatibilityLevel;
  mode: RegistryMode;
  /** JSON Schema content-model rules on registration and compatibility checks. */
  compatibilityPolicy: CompatibilityPolicy;
  /** Confluent's `normalize`: store and look up schemas in their canonical form. */
  normalize: boolean;
  /** The draft a JSON Schema without `$schema` is read under. */
  jsonSchemaDefaultDraft: JsonSchemaDraft;
}

/**
 * The settings in force for a subject, reading its config and the global one once each: a
 * subject's own setting wins, then the global one, then the defaults (BACKWARD, READWRITE,
 * STRICT, no normalize, and the registry's `defaultJsonDraft`). `compatibilityPolicy`,
 * `normalize` and `jsonSchemaDefaultDraft` live in the config's extra fields.
 */
export async function resolveSubjectConfig(
  context: RegistryContext,
  subject: string | null,
): Promise<SubjectConfig> {
  const [own, global] = await Promise.all([
    subject === null ? undefined : context.store.getConfig(subject),
    context.store.getConfig(null),
  ]);
  const setting = <K extends 'compatibilityPolicy' | 'normalize' | 'jsonSchemaDefaultDraft'>(
    field: K,
  ) => readConfigSetting(own?.extra, field) ?? readConfigSetting(global?.extra, field);
  return {
    compatibilityLevel: own?.compatibilityLevel ?? global?.compatibilityLevel ?? 'BACKWARD',
    mode: own?.mode ?? global?.mode ?? 'READWRITE',
    compatibilityPolicy: setting('compatibilityPolicy') ?? 'STRICT',
    normalize: setting('normalize') ?? false,
    jsonSchemaDefaultDraft: setting('jsonSchemaDefaultDraft') ?? context.defaultJsonDraft,
  };
}

/** The level in force for a subject: its own, else the global one, else BACKWARD. */
export async function resolveCompatibilityLevel(
  context: RegistryContext,
  subject: string | null,
): Promise<CompatibilityLevel> {
  return (await resolveSubjectConfig(context, subject)).compatibilityLevel;
}

/** The mode in force for a subject: its own, else the global one, else READWRITE. */
export async function resolveMode(
  context: RegistryContext,
  subject: string | null,
): Promise<RegistryMode> {
  return (await resolveSubjectConfig(context, subject)).mode;
}

/**
 * Set level and/or mode (merged into what is stored) and emit `config.changed`. `extra` replaces
 * the stored extra fields; the settings the registry acts on among them are checked first.
 * @throws RegistryError `INVALID_COMPATIBILITY_LEVEL`, `INVALID_MODE`, or `INVALID_INPUT` with
 * `details.field` for a bad `compatibilityPolicy`, `normalize` or `jsonSchemaDefaultDraft`.
 */
export async function setConfig(
  context: RegistryContext,
  subject: string | null,
  input: { compatibilityLevel?: string; mode?: string; extra?: Record<string, unknown> },
): Promise<ConfigRecord> {
  const compatibilityLevel =
    input.compatibilityLevel === undefined
      ? undefined
      : parseCompatibilityLevel(input.compatibilityLevel);
  const mode = input.mode === undefined ? undefined : parseMode(input.mode);
  const extra = input.extra === undefined ? undefined : parseConfigExtra(input.extra);
  if (compatibilityLevel === undefined && mode === undefined && input.extra === undefined) {
    throw new RegistryError('INVALID_INPUT', 'Give a compatibility level or a mode to set', {});
  }
  const current = await context.store.getConfig(subject);
  const only =
    input.extra !== undefined
      ? undefined
      : mode === undefined
        ? 'compatibilityLevel'
        : compatibilityLevel === undefined
          ? 'mode'
          : undefined;
  const event = configChanged(subject, only);
  const saved = await context.store.setConfig(
    {
      subject,
      compatibilityLevel: compatibilityLevel ?? current?.compatibilityLevel,
      mode: mode ?? current?.mode,
      extra: extra ?? current?.extra,
    },
    { event: toNewEvent(event) },
  );
  context.events.emit(event);
  return saved;
}

/** Remove a subject's (or the global) config; returns what was removed. */
export async function deleteConfig(
  context: RegistryContext,
  subject: string | null,
): Promise<ConfigRecord | undefined> {
  const current = await context.store.getConfig(subject);
  if (!current) return undefined;
  const event = configChanged(subject);
  if (await context.store.deleteConfig(subject, { event: toNewEvent(event) })) {
    context.events.emit(event);
  }
  return current;
}

/** The `config.changed` event of a config write, naming the setting when only one changed. */
export function configChanged(
  subject: string | null,
  setting?: 'compatibilityLevel' | 'mode',
): ChangeEvent {
  return {
    type: 'config.changed',
    subject,
    ...(setting ? { setting } : {}),
    at: new Date().toISOString(),
  };
}
