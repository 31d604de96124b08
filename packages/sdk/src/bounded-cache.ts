/** A map that forgets its oldest entries past `max` (insertion order; reads refresh nothing). */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  readonly size: number;
}

/** Create a {@link BoundedCache} holding at most `max` entries. */
export function createBoundedCache<V>(max: number): BoundedCache<V> {
  const map = new Map<string, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > max) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
    },
    delete: (key) => void map.delete(key),
    get size() {
      return map.size;
    },
  };
}
