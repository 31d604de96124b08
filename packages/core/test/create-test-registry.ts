import { afterEach, beforeEach } from 'vitest';
import { type CreateRegistryOptions, createRegistry } from '../src/create-registry.js';
import type { Registry } from '../src/registry.js';
import { postgresReachable, type ScratchDatabase, SHARED_BACKENDS } from './scratch-databases.js';

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

/** Two registries over one scratch database from `create`, opened before each test of the calling `describe` and closed (database dropped) after it. */
export function useTwoRegistries(create: () => Promise<ScratchDatabase>): {
  a: Registry;
  b: Registry;
} {
  let database: ScratchDatabase | undefined;
  let nodes: Registry[] = [];
  beforeEach(async () => {
    database = await create();
    nodes = [
      await createRegistry({ storage: database.url }),
      await createRegistry({ storage: database.url }),
    ];
  });
  afterEach(async () => {
    for (const node of nodes) await node.close();
    nodes = [];
    await database?.drop();
    database = undefined;
  });
  const node = (index: number) =>
    new Proxy({} as Registry, {
      get(_target, key) {
        const current = nodes[index];
        if (!current) throw new Error('useTwoRegistries: the registries exist only inside a test');
        return Reflect.get(current, key);
      },
    });
  return { a: node(0), b: node(1) };
}

/** The shared backends this run can reach: postgres only when its scratch server answers. */
export async function reachableSharedBackends(): Promise<
  [string, () => Promise<ScratchDatabase>][]
> {
  const postgresUp = await postgresReachable();
  return SHARED_BACKENDS.filter(([name]) => name !== 'postgres' || postgresUp);
}

/** The error code a promise rejects with, or `NO_ERROR`. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NO_ERROR';
}
