const MAX_DEPTH = 64;

// Only an underscore between word characters separates words: `_id` and `__proto__` stay as they are.
function camelKey(key: string): string {
  return key.replace(/(?<=[A-Za-z0-9])_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A copy of a JSON value with every object key turned from snake_case to camelCase. Used for
 * free-form bodies (change events, search hits, error details); typed results are mapped field by
 * field instead. Nesting past 64 levels is returned as is rather than walked.
 */
export function toCamelCase(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toCamelCase(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // Own data properties only: a '__proto__' key from JSON.parse must not become a prototype.
    Object.defineProperty(out, camelKey(key), {
      value: toCamelCase(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
