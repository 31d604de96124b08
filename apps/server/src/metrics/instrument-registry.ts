import { isRegistryError, type Registry } from '@llmsr/core';
import type { ServerMetrics } from './create-metrics.js';

type Outcome = 'valid' | 'invalid' | 'error';

/**
 * The registry with its validation and compatibility calls counted and timed, so every route
 * (native and Confluent) feeds the same metrics. Other methods pass through unchanged.
 */
export function instrumentRegistry(registry: Registry, metrics: ServerMetrics): Registry {
  // Label children bound once: a labelled observe would hash its labels on every validation.
  const bind = (result: Outcome) => ({
    count: metrics.validations.labels({ result }),
    duration: metrics.validationDuration.labels({ result }),
  });
  const children = { valid: bind('valid'), invalid: bind('invalid'), error: bind('error') };
  const observe = (started: bigint, result: Outcome) => {
    const child = children[result];
    child.count.inc();
    child.duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
  };
  return {
    ...registry,
    validateData(input) {
      const started = process.hrtime.bigint();
      return registry.validateData(input).then(
        (result) => {
          observe(started, result.valid ? 'valid' : 'invalid');
          return result;
        },
        (error: unknown) => {
          observe(started, 'error');
          throw error;
        },
      );
    },
    async validateBatch(items) {
      const started = process.hrtime.bigint();
      const results = await registry.validateBatch(items);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9 / Math.max(1, results.length);
      for (const r of results) {
        const child = children['error' in r ? 'error' : r.valid ? 'valid' : 'invalid'];
        child.count.inc();
        child.duration.observe(seconds);
      }
      return results;
    },
    async checkCompatibility(input) {
      const report = await registry.checkCompatibility(input);
      if (!report.compatible) metrics.compatibilityFailures.inc({ source: 'check' });
      return report;
    },
    async register(input) {
      try {
        return await registry.register(input);
      } catch (error) {
        if (isRegistryError(error) && error.code === 'INCOMPATIBLE_SCHEMA') {
          metrics.compatibilityFailures.inc({ source: 'register' });
        }
        throw error;
      }
    },
  };
}
