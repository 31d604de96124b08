import { canonicalJson } from './canonical-json.js';
import {
  LIST_SCHEMA_KEYWORDS,
  MAP_SCHEMA_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from './index-schema-resources.js';
import { toJsonPointer } from './json-pointer.js';

/** Two equal values of one `enum`: where, and their positions. */
export interface DuplicateEnum {
  /** JSON pointer of the `enum` keyword. */
  pointer: string;
  first: number;
  second: number;
}

/**
 * Finds an `enum` holding two equal values (equal as JSON: same canonical text), in linear
 * time with a set, which is what the draft-04 to draft-07 meta-schemas' `uniqueItems` asks.
 * Walks the subschema keywords the meta-schema itself applies to, iteratively.
 */
export function findDuplicateEnum(schema: unknown): DuplicateEnum | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: schema, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const record = value as Record<string, unknown>;
    const values = Object.hasOwn(record, 'enum') ? record.enum : undefined;
    if (Array.isArray(values)) {
      const seen = new Map<string, number>();
      for (const [i, item] of values.entries()) {
        const key = canonicalJson(item);
        const first = seen.get(key);
        if (first !== undefined)
          return { pointer: toJsonPointer([...path, 'enum']), first, second: i };
        seen.set(key, i);
      }
    }
    const child = (keyword: string, ...rest: (string | number)[]) => [...path, keyword, ...rest];
    for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
      if (Object.hasOwn(record, keyword))
        stack.push({ value: record[keyword], path: child(keyword) });
    }
    for (const keyword of LIST_SCHEMA_KEYWORDS) {
      const list = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
      if (!Array.isArray(list)) continue;
      for (const [i, item] of list.entries()) stack.push({ value: item, path: child(keyword, i) });
    }
    for (const keyword of MAP_SCHEMA_KEYWORDS) {
      const map = Object.hasOwn(record, keyword) ? record[keyword] : undefined;
      if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
      for (const [name, item] of Object.entries(map)) {
        stack.push({ value: item, path: child(keyword, name) });
      }
    }
  }
  return undefined;
}
