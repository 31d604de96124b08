import { compileLinearRegExp } from '../regex/compile-linear-reg-exp.js';
import { SchemaParseError } from '../schema-format.js';
import { toJsonPointer } from './json-pointer.js';

/** Keywords whose values are data, not schemas: a `pattern` inside them is no regex. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Refuses a schema with a `pattern`, `patternProperties` key or `propertyNames` pattern that
 * the linear-time engine cannot run (see `compileLinearRegExp`): a backreference, lookaround or
 * a repeat count above 1000. Checked at parse, so such a schema is refused at registration
 * rather than accepted and failing (or silently ignored, as ajv skips a `patternProperties`
 * entry whose schema is `{}`) at validation. The error names the pattern, the keyword's JSON
 * pointer and the reason. Meta-validation has run, so every `pattern` here is a string.
 */
export function assertLinearPatterns(native: unknown): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: native, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        stack.push({ value: item, path: [...path, String(index)] });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.pattern === 'string') check(record.pattern, [...path, 'pattern']);
    const patternProperties = record.patternProperties;
    if (typeof patternProperties === 'object' && patternProperties !== null) {
      for (const key of Object.keys(patternProperties)) {
        check(key, [...path, 'patternProperties', key]);
      }
    }
    for (const key of Object.keys(record)) {
      if (!DATA_KEYWORDS.has(key)) stack.push({ value: record[key], path: [...path, key] });
    }
  }
}

function check(source: string, path: string[]): void {
  try {
    compileLinearRegExp(source, 'u');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pointer = toJsonPointer(path);
    throw new SchemaParseError(`schema cannot be compiled: ${message} at "${pointer}"`, [
      { path: pointer, message },
    ]);
  }
}
