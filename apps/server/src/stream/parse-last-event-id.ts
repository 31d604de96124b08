import { RegistryError } from '@llmsr/core';

/**
 * The id a reconnecting client last saw (`Last-Event-ID` header, else `?last_event_id=`);
 * undefined for a first connection. `INVALID_INPUT` for anything but up to 15 digits.
 */
export function parseLastEventId(
  header: string | undefined | null,
  query: string | undefined | null,
): number | undefined {
  const raw = header ?? query;
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (!/^\d{1,15}$/.test(text)) {
    throw new RegistryError('INVALID_INPUT', 'The last event id must be a non-negative integer', {
      field: 'last_event_id',
    });
  }
  return Number(text);
}
