import { afterEach, beforeEach } from 'vitest';
import { type CreateRegistryOptions, createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/registry.js';

/** Options of the test registries: memory storage unless a test says otherwise. */
export type TestRegistryOptions = Partial<CreateRegistryOptions>;

/**
 * A fresh memory registry for each test of the calling `describe` (opened before each test,
 * closed after it). The returned object stands for the current test's registry, so tests write
 * `registry.schemas.register(...)` as with a real one; a `beforeEach` declared after this call
 * sees the new registry (hooks run in declaration order).
 */
export function useTestRegistry(options: TestRegistryOptions = {}): Registry {
  let current: Registry | undefined;
  beforeEach(async () => {
    current = await createRegistry({ storage: 'memory:', ...options });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as Registry, {
    get(_target, key) {
      if (!current) throw new Error('useTestRegistry: the registry exists only inside a test');
      return Reflect.get(current, key);
    },
  });
}

/** Run `body` with a fresh memory registry, closed afterwards whatever happens. */
export async function withTestRegistry<T>(
  body: (registry: Registry) => Promise<T>,
  options: TestRegistryOptions = {},
): Promise<T> {
  const registry = await createRegistry({ storage: 'memory:', ...options });
  try {
    return await body(registry);
  } finally {
    await registry.close();
  }
}
