import { z } from 'zod';

/** Hit/miss figures of a cache. */
export const CacheStats = z
  .object({
    entries: z.number().int(),
    hits: z.number().int(),
    misses: z.number().int(),
    hitRate: z.number(),
  })
  .meta({ id: 'CacheStats' });

/** `GET /health`: storage reachability, uptime, counts and cache figures. */
export const HealthBody = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    storage: z.object({
      backend: z.string().meta({ example: 'sqlite' }),
      reachable: z.boolean(),
      error: z.string().optional(),
    }),
    uptime_seconds: z.number(),
    schemas: z.number().int(),
    subjects: z.number().int(),
    versions: z.number().int(),
    cache: z.object({ entries: z.number().int(), hit_rate: z.number() }),
    caches: z.object({ schemas: CacheStats, views: CacheStats, validators: CacheStats }),
  })
  .meta({ id: 'Health' });

/** `GET /health`. */
export type HealthBody = z.output<typeof HealthBody>;

/** `GET /health` without credentials while auth is on: liveness only, no counts. */
export const LivenessBody = z
  .object({ status: z.enum(['ok', 'unavailable']) })
  .meta({ id: 'Liveness' });

/** `GET /health`: the full body, or liveness only for an anonymous caller with auth on. */
export const HealthOrLivenessBody = z.union([HealthBody, LivenessBody]);
