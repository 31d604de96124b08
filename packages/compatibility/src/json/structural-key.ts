const keys = new WeakMap<object, string | null>();
const REF_MARKERS = ['"$ref"', '"$dynamicRef"', '"$recursiveRef"'];

/**
 * A key equal for identical schemas (same text, same key order: a different order only misses
 * this fast path), or `undefined` when the schema holds a `$ref` (the same text may point at
 * different definitions on each side) or cannot be serialised. Cached per node.
 * @internal
 */
export function structuralKey(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return JSON.stringify(schema);
  let key = keys.get(schema);
  if (key === undefined) {
    key = serialise(schema);
    if (key !== null && REF_MARKERS.some((marker) => (key as string).includes(marker))) key = null;
    keys.set(schema, key);
  }
  return key ?? undefined;
}

function serialise(schema: object): string | null {
  try {
    return JSON.stringify(schema);
  } catch {
    return null; // Too deep for the native serialiser: no fast path.
  }
}
