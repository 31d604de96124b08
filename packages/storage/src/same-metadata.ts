import { isDeepStrictEqual } from 'node:util';
import { toJsonValue } from './json-match.js';

/**
 * Whether two version metadata values are the same for version identity: equal as JSON after a
 * round-trip (key order ignored, `undefined` properties dropped), with null and absent equal.
 * Registering the same schema with different metadata makes a new version, as in Confluent.
 */
export function sameMetadata(
  a: Record<string, unknown> | null | undefined,
  b: Record<string, unknown> | null | undefined,
): boolean {
  return isDeepStrictEqual(toJsonValue(a ?? null), toJsonValue(b ?? null));
}
