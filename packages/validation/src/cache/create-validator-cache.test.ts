import { describe, expect, it } from 'vitest';
import type { CompiledValidator } from '../schema-format.js';
import { createValidatorCache, validatorCacheKey } from './create-validator-cache.js';

function fakeValidator(): CompiledValidator {
  return { validate: () => ({ valid: true, errors: [], warnings: [], validationTimeMs: 0 }) };
}

describe('createValidatorCache', () => {
  it('compiles once per key and counts hits and misses', () => {
    const cache = createValidatorCache({ maxEntries: 10 });
    let compiles = 0;
    const compile = () => {
      compiles++;
      return fakeValidator();
    };
    const first = cache.getOrCompile('a', compile);
    expect(cache.getOrCompile('a', compile)).toBe(first);
    expect(compiles).toBe(1);
    expect(cache.stats()).toEqual({
      hits: 1,
      misses: 1,
      evictions: 0,
      size: 1,
      maxEntries: 10,
      hitRate: 0.5,
    });
  });

  it('evicts the least recently used validator when full', () => {
    const cache = createValidatorCache({ maxEntries: 2 });
    const a = cache.getOrCompile('a', fakeValidator);
    cache.getOrCompile('b', fakeValidator);
    expect(cache.get('a')).toBe(a); // a is now more recent than b
    cache.getOrCompile('c', fakeValidator);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    expect(cache.stats()).toMatchObject({ size: 2, evictions: 1 });
  });

  it('counts get lookups and reports a zero hit rate before any', () => {
    const cache = createValidatorCache({ maxEntries: 1 });
    expect(cache.stats().hitRate).toBe(0);
    expect(cache.get('missing')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 0, hitRate: 0 });
  });

  it('deletes and clears entries without counting evictions', () => {
    const cache = createValidatorCache({ maxEntries: 5 });
    cache.getOrCompile('a', fakeValidator);
    cache.getOrCompile('b', fakeValidator);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    cache.clear();
    expect(cache.stats()).toMatchObject({ size: 0, evictions: 0 });
  });

  it('does not cache a compilation that throws', () => {
    const cache = createValidatorCache({ maxEntries: 5 });
    expect(() =>
      cache.getOrCompile('bad', () => {
        throw new Error('invalid schema');
      }),
    ).toThrow('invalid schema');
    expect(cache.stats().size).toBe(0);
    expect(cache.getOrCompile('bad', fakeValidator)).toBeDefined();
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects maxEntries %s',
    (maxEntries) => {
      expect(() => createValidatorCache({ maxEntries })).toThrow(RangeError);
    },
  );

  it('keeps a bounded size under many distinct keys', () => {
    const cache = createValidatorCache({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) cache.getOrCompile(`schema-${i}`, fakeValidator);
    expect(cache.stats()).toMatchObject({ size: 100, evictions: 9_900, misses: 10_000 });
  });
});

describe('validatorCacheKey', () => {
  it('distinguishes options and ignores option order', () => {
    expect(validatorCacheKey(7)).toBe(validatorCacheKey(7, { strict: false }));
    expect(validatorCacheKey(7, { strict: true })).not.toBe(validatorCacheKey(7));
    expect(validatorCacheKey(7, { strict: true, messageName: 'a.B' })).toBe(
      validatorCacheKey(7, { messageName: 'a.B', strict: true }),
    );
    expect(validatorCacheKey('7', { messageName: 'x' })).not.toBe(validatorCacheKey('7'));
    expect(validatorCacheKey(7, { timing: false })).not.toBe(
      validatorCacheKey(7, { timing: true }),
    );
    expect(validatorCacheKey(7, { timing: true })).toBe(validatorCacheKey(7));
  });
});
