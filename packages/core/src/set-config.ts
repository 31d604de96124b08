import type { ConfigRecord } from '@llmsr/storage';
import { toNewEvent } from './change-events.js';
import { configChanged } from './config-changed.js';
import { parseCompatibilityLevel } from './parse-compatibility-level.js';
import { parseConfigExtra } from './parse-config-extra.js';
import { parseMode } from './parse-mode.js';
import type { SetConfigInput } from './registry.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError } from './registry-error.js';

/**
 * Set level and/or mode (merged into what is stored) and emit `config.changed`. `extra` replaces
 * the stored extra fields; the settings the registry acts on among them are checked first.
 * @throws RegistryError `INVALID_COMPATIBILITY_LEVEL`, `INVALID_MODE`, or `INVALID_INPUT` with
 * `details.field` for a bad `compatibilityPolicy`, `normalize` or `jsonSchemaDefaultDraft`.
 */
export async function setConfig(
  context: RegistryContext,
  subject: string | null,
  input: SetConfigInput,
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
