import type { ConfigRecord } from '@llmsr/storage';
import { toNewEvent } from './change-events.js';
import { configChanged } from './config-changed.js';
import type { RegistryContext } from './registry-context.js';

/**
 * Remove one setting of a subject's or the global config and keep the other, as Confluent's
 * separate `/config` and `/mode` resources do: `compatibilityLevel` also drops the client's extra
 * config fields (Confluent's `normalize`, `defaultMetadata`, ...), `mode` only the mode. The row
 * goes when nothing is left. Returns the config as it was, or `undefined` when the setting was unset.
 */
export async function clearConfigSetting(
  context: RegistryContext,
  subject: string | null,
  setting: 'compatibilityLevel' | 'mode',
): Promise<ConfigRecord | undefined> {
  const current = await context.store.getConfig(subject);
  const hasExtra = current?.extra !== undefined && Object.keys(current.extra).length > 0;
  const isSet =
    setting === 'mode'
      ? current?.mode !== undefined
      : current?.compatibilityLevel !== undefined || hasExtra;
  if (!current || !isSet) return undefined;
  const rest: ConfigRecord =
    setting === 'mode'
      ? { ...current, mode: undefined }
      : { ...current, compatibilityLevel: undefined, extra: undefined };
  const empty =
    rest.compatibilityLevel === undefined &&
    rest.mode === undefined &&
    (rest.extra === undefined || Object.keys(rest.extra).length === 0);
  const event = configChanged(subject, setting);
  const mutation = { event: toNewEvent(event) };
  if (empty) await context.store.deleteConfig(subject, mutation);
  else await context.store.setConfig(rest, mutation);
  context.events.emit(event);
  return current;
}
