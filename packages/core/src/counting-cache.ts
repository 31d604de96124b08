import { LRUCache } from 'lru-cache';
import type { CacheStats } from './types.js';

/** An LRU cache that counts hits and misses for health reporting. */
export interface CountingCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  /** Drop every entry whose key matches (a scan: for rare invalidations, not the hot path). */
  deleteWhere(matches: (key: K) => boolean): void;
  clear(): void;
  stats(): CacheStats;
}

/** Create a {@link CountingCache} holding at most `max` entries. */
export function createCountingCache<K extends {}, V extends {}>(max: number): CountingCache<K, V> {
  const cache = new LRUCache<K, V>({ max: Math.max(1, max) });
  let hits = 0;
  let misses = 0;
  return {
    get(key) {
      const value = cache.get(key);
      if (value === undefined) misses++;
      else hits++;
      return value;
    },
    set: (key, value) => {
      cache.set(key, value);
    },
    delete: (key) => {
      cache.delete(key);
    },
    deleteWhere: (matches) => {
      for (const key of [...cache.keys()]) if (matches(key)) cache.delete(key);
    },
    clear: () => cache.clear(),
    stats: () => ({
      entries: cache.size,
      hits,
      misses,
      hitRate: hits + misses === 0 ? 0 : hits / (hits + misses),
    }),
  };
}
