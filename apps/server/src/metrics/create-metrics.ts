import type { Registry } from '@llmsr/core';
import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  Registry as PromRegistry,
} from 'prom-client';

/** The server's Prometheus metrics, on a registry of their own (never prom-client's global one). */
export interface ServerMetrics {
  readonly prometheus: PromRegistry;
  readonly validations: Counter<'result'>;
  readonly validationDuration: Histogram<'result'>;
  readonly compatibilityFailures: Counter<'source'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Refresh the gauges read from the registry (schema count, cache hit rates), then render. */
  render(): Promise<string>;
}

/**
 * Create the metrics of one app: `schema_validations_total`, `schema_validation_duration_seconds`,
 * `active_schemas`, `compatibility_check_failures_total`, `http_request_duration_seconds` and
 * `cache_hit_rate`, plus Node's process metrics.
 *
 * @example
 * ```ts
 * const metrics = createMetrics(registry);
 * console.log(await metrics.render()); // Prometheus text format
 * ```
 */
export function createMetrics(
  registry: Registry,
  options: { processMetrics?: boolean } = {},
): ServerMetrics {
  const prometheus = new PromRegistry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: prometheus });
  const validations = new Counter({
    name: 'schema_validations_total',
    help: 'Documents validated against a registered schema, by result (valid, invalid, error).',
    labelNames: ['result'] as const,
    registers: [prometheus],
  });
  const validationDuration = new Histogram({
    name: 'schema_validation_duration_seconds',
    help: 'Time to validate one document, including validator lookup.',
    labelNames: ['result'] as const,
    buckets: [0.000_005, 0.000_02, 0.000_1, 0.000_5, 0.001, 0.005, 0.02, 0.1, 0.5],
    registers: [prometheus],
  });
  const compatibilityFailures = new Counter({
    name: 'compatibility_check_failures_total',
    help: 'Compatibility checks that found the candidate incompatible, by source (check or register).',
    labelNames: ['source'] as const,
    registers: [prometheus],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [prometheus],
  });
  const activeSchemas = new Gauge({
    name: 'active_schemas',
    help: 'Distinct schemas stored (by global id).',
    registers: [prometheus],
  });
  const activeSubjects = new Gauge({
    name: 'active_subjects',
    help: 'Subjects with at least one live version.',
    registers: [prometheus],
  });
  const cacheHitRate = new Gauge({
    name: 'cache_hit_rate',
    help: 'Hit rate (0..1) of the registry caches since start.',
    labelNames: ['cache'] as const,
    registers: [prometheus],
  });
  const cacheEntries = new Gauge({
    name: 'cache_entries',
    help: 'Entries held by the registry caches.',
    labelNames: ['cache'] as const,
    registers: [prometheus],
  });

  return {
    prometheus,
    validations,
    validationDuration,
    compatibilityFailures,
    httpDuration,
    async render() {
      const health = await registry.health();
      if (health.storage.reachable) {
        activeSchemas.set(health.schemas);
        activeSubjects.set(health.subjects);
      }
      for (const [cache, stats] of Object.entries(health.caches)) {
        cacheHitRate.set({ cache }, stats.hitRate);
        cacheEntries.set({ cache }, stats.entries);
      }
      return prometheus.metrics();
    },
  };
}
