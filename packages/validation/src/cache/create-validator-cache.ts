import { LRUCache } from 'lru-cache';
import type { CompiledValidator, ValidateOptions } from '../schema-format.js';

/** Counters of a {@link ValidatorCache}. */
export interface ValidatorCacheStats {
  hits: number;
  misses: number;
  /** Validators dropped because the cache was full. */
  evictions: number;
  size: number;
  maxEntries: number;
  /** `hits / (hits + misses)`, 0 before the first lookup. */
  hitRate: number;
}

/** A least-recently-used cache of compiled validators, keyed by the caller (schema id plus options). */
export interface ValidatorCache {
  /** The cached validator, or `undefined`; counts a hit or a miss. */
  get(key: string): CompiledValidator | undefined;
  /** The cached validator, or the result of `compile` (cached unless it throws). */
  getOrCompile(key: string, compile: () => CompiledValidator): CompiledValidator;
  /** Drops one entry; `true` when it was there. */
  delete(key: string): boolean;
  /** Drops every entry (counters are kept). */
  clear(): void;
  stats(): ValidatorCacheStats;
}

/** Options of {@link createValidatorCache}. */
export interface ValidatorCacheOptions {
  /** Most validators kept; the least recently used one is dropped beyond it. */
  maxEntries: number;
}

/**
 * Creates an LRU cache of compiled validators (on `lru-cache`). Dropping a validator frees
 * its compiled code too: each JSON Schema validator owns its ajv instance.
 *
 * @example
 * ```ts
 * const cache = createValidatorCache({ maxEntries: 1000 });
 * const validator = cache.getOrCompile(validatorCacheKey(schemaId, { strict: true }), () =>
 *   createValidator('JSON', schemaText, { strict: true }),
 * );
 * validator.validate(document);
 * ```
 */
export function createValidatorCache(options: ValidatorCacheOptions): ValidatorCache {
  const { maxEntries } = options;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
  }
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  const lru = new LRUCache<string, CompiledValidator>({
    max: maxEntries,
    dispose: (_value, _key, reason) => {
      if (reason === 'evict') evictions++;
    },
  });
  const lookup = (key: string): CompiledValidator | undefined => {
    const found = lru.get(key);
    if (found) hits++;
    else misses++;
    return found;
  };
  return {
    get: lookup,
    getOrCompile(key, compile) {
      const found = lookup(key);
      if (found) return found;
      const validator = compile();
      lru.set(key, validator);
      return validator;
    },
    delete: (key) => lru.delete(key),
    clear: () => lru.clear(),
    stats() {
      const lookups = hits + misses;
      return {
        hits,
        misses,
        evictions,
        size: lru.size,
        maxEntries,
        hitRate: lookups === 0 ? 0 : hits / lookups,
      };
    },
  };
}

/** A cache key for one schema compiled with given options (options in a fixed order). */
export function validatorCacheKey(
  schemaId: string | number,
  options: ValidateOptions = {},
): string {
  const timing = options.timing !== false;
  return `${String(schemaId)}|strict=${options.strict === true}|timing=${timing}|message=${options.messageName ?? ''}`;
}
