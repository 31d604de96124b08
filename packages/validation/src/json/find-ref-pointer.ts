import { toJsonPointer } from './json-pointer.js';

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];

/**
 * Finds the JSON pointer of the `$ref` that ajv could not resolve. Ajv reports the resolved
 * URI (`missingRef`) but not where the `$ref` is, so this matches `$ref` values against it:
 * exact, as a suffix (a relative ref resolved against a base), or by document part.
 */
export function findRefPointer(
  schema: unknown,
  missingRef: string,
): { pointer: string; ref: string } | undefined {
  let fallback: { pointer: string; ref: string } | undefined;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: schema, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const keyword of REF_KEYWORDS) {
      const ref = record[keyword];
      if (typeof ref !== 'string' || !Object.hasOwn(record, keyword)) continue;
      const found = { pointer: toJsonPointer([...path, keyword]), ref };
      if (ref === missingRef || (ref.length > 0 && missingRef.endsWith(ref))) return found;
      const documentPart = ref.split('#')[0] ?? '';
      if (!fallback && documentPart.length > 0 && missingRef.includes(documentPart)) {
        fallback = found;
      }
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: record[key], path: [...path, key] });
    }
  }
  return fallback;
}
