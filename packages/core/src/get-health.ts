import type { RegistryContext } from './registry-context.js';
import type { RegistryHealth } from './types.js';

/**
 * Health figures: storage reachability (an unreachable store is reported, never thrown), counts,
 * uptime and cache hit rates.
 */
export async function getHealth(context: RegistryContext): Promise<RegistryHealth> {
  const { store } = context;
  let reachable = true;
  let error: string | undefined;
  let counts = { schemas: 0, subjects: 0, versions: 0 };
  try {
    await store.ping();
    counts = await store.stats();
  } catch (cause) {
    reachable = false;
    error = cause instanceof Error ? cause.message : String(cause);
  }
  return {
    storage: { backend: store.backend, reachable, ...(error ? { error } : {}) },
    uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
    ...counts,
    caches: {
      schemas: context.schemas.stats(),
      views: context.views.stats(),
      validators: context.validators.stats(),
    },
  };
}
