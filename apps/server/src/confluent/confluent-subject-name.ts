import { parseConfigSubject } from '../config-subject.js';

/** Subject names Confluent uses for the global config and mode. */
const GLOBAL_NAMES = new Set(['.', ':.:', '__GLOBAL', ':.:__GLOBAL', ':.__GLOBAL:']);

/**
 * The config/mode subject of a path: `null` (global) for Confluent's names of the default
 * context, the checked subject otherwise (`INVALID_INPUT`, Confluent 42208, for a NUL or
 * another control character).
 */
export function confluentConfigSubject(subject: string | undefined): string | null {
  return subject === undefined || GLOBAL_NAMES.has(subject) ? null : parseConfigSubject(subject);
}
