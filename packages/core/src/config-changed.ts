import type { ChangeEvent } from './change-events.js';

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
