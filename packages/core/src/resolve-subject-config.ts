import type { CompatibilityLevel, RegistryMode } from '@llmsr/storage';
import {
  type CompatibilityPolicy,
  type JsonSchemaDraft,
  readConfigSetting,
} from './parse-config-extra.js';
import type { RegistryContext } from './registry-context.js';

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
