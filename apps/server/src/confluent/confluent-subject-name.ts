/** Subject names Confluent uses for the global config and mode. */
const GLOBAL_NAMES = new Set(['.', ':.:', '__GLOBAL', ':.:__GLOBAL', ':.__GLOBAL:']);

/**
 * The config/mode subject of a path: `null` (global) for Confluent's names of the default
 * context, the subject otherwise.
 */
export function confluentConfigSubject(subject: string | undefined): string | null {
  return subject === undefined || GLOBAL_NAMES.has(subject) ? null : subject;
}
