/** The resources of the Confluent-compatible API, mounted at the root. */
export const CONFLUENT_PREFIXES = [
  '/subjects',
  '/schemas',
  '/config',
  '/mode',
  '/compatibility',
  '/contexts',
] as const;

/**
 * Whether `path` belongs to the Confluent API, so an answer given before routing (a rate limit)
 * uses Confluent's error body (`{ error_code: 42901, message }`) as its clients expect.
 */
export function isConfluentPath(path: string): boolean {
  return CONFLUENT_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
