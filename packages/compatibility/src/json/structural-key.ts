import { jsonValueKey } from './json-value-key.js';

const keys = new WeakMap<object, string | null>();
const REF_MARKERS = ['"$ref"', '"$dynamicRef"', '"$recursiveRef"'];

/**
 * A key equal for structurally identical schemas, or `undefined` when the schema holds a `$ref`
 * (the same text may then point at different definitions on each side). Cached per node.
 * @internal
 */
export function structuralKey(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return jsonValueKey(schema);
  let key = keys.get(schema);
  if (key === undefined) {
    const text = jsonValueKey(schema);
    key = REF_MARKERS.some((marker) => text.includes(marker)) ? null : text;
    keys.set(schema, key);
  }
  return key ?? undefined;
}
