/** Default number of change events a store keeps. */
export const DEFAULT_EVENT_RETENTION = 10_000;

/** A usable retention count: a positive integer (NaN, zero and negatives keep the newest one). */
export function normalizeRetention(retain: number | undefined): number {
  if (retain === undefined || Number.isNaN(retain)) return DEFAULT_EVENT_RETENTION;
  return Math.max(1, Math.floor(Math.min(retain, Number.MAX_SAFE_INTEGER)));
}
