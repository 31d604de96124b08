import { isDeepStrictEqual } from 'node:util';

/**
 * Whether a metadata object has `key` (and, when `value` is given, that value compared as JSON).
 * The reference semantics for the SQL backends' JSON filters.
 */
export function metadataMatches(
  metadata: Record<string, unknown> | null,
  key: string,
  value: unknown,
): boolean {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return false;
  if (!Object.hasOwn(metadata, key)) return false;
  if (value === undefined) return true;
  return isDeepStrictEqual(metadata[key], toJsonValue(value));
}

/** Whether `metadata.tags` is an array containing the string `tag`. */
export function metadataHasTag(metadata: Record<string, unknown> | null, tag: string): boolean {
  const tags = metadata?.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

/** Whether `subject` contains `needle`, ignoring case. */
export function subjectContains(subject: string, needle: string): boolean {
  return subject.toLowerCase().includes(needle.toLowerCase());
}

/** The value as it would read back after a JSON round-trip (dates to strings, undefined dropped). */
export function toJsonValue(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

/** JSON text of a value, `null` for what JSON cannot represent at the top level (undefined, functions). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
