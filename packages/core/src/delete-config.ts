import type { ConfigRecord } from '@llmsr/storage';
import { toNewEvent } from './change-events.js';
import { configChanged } from './config-changed.js';
import type { RegistryContext } from './registry-context.js';

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
