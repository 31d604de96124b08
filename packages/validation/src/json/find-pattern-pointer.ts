import { toJsonPointer } from './json-pointer.js';

/**
 * Finds the JSON pointer of a `pattern` (or `patternProperties` key) whose source is
 * `source`: ajv reports an invalid regular expression by its text only.
 */
export function findPatternPointer(schema: unknown, source: string): string | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: schema, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    if (!Array.isArray(value)) {
      if (record.pattern === source) return toJsonPointer([...path, 'pattern']);
      const patternProperties = record.patternProperties;
      if (typeof patternProperties === 'object' && patternProperties !== null) {
        if (Object.hasOwn(patternProperties, source)) {
          return toJsonPointer([...path, 'patternProperties', source]);
        }
      }
    }
    for (const key of Object.keys(record)) stack.push({ value: record[key], path: [...path, key] });
  }
  return undefined;
}

/** The pattern source in an "Invalid regular expression: /src/flags: reason" message. */
export function invalidPatternSource(message: string): string | undefined {
  const match = /^Invalid regular expression: \/(.*)\/[a-z]*: /s.exec(message);
  return match?.[1];
}
