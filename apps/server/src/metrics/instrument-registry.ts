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
  // The validator already measured each validation (`validationTimeMs`): reuse it rather than
  // read the clock twice more per request. Failed lookups are counted, not timed.
  const observe = (result: Outcome, seconds: number | undefined) => {
    const child = children[result];
    child.count.inc();
    if (seconds !== undefined) child.duration.observe(seconds);
  };
  return {
    ...registry,
    validation: {
      ...registry.validation,
      validate(input) {
        return registry.validation.validate(input).then(
          (result) => {
            observe(result.valid ? 'valid' : 'invalid', result.validationTimeMs / 1000);
            return result;
          },
          (error: unknown) => {
            observe('error', undefined);
            throw error;
          },
        );
      },
      async validateBatch(items) {
        // Batch items carry no time of their own: share the batch's time between them.
        const started = process.hrtime.bigint();
        const results = await registry.validation.validateBatch(items);
        const seconds =
          Number(process.hrtime.bigint() - started) / 1e9 / Math.max(1, results.length);
        for (const r of results)
          observe('error' in r ? 'error' : r.valid ? 'valid' : 'invalid', seconds);
        return results;
      },
    },
    compatibility: {
      ...registry.compatibility,
      async check(input) {
        const report = await registry.compatibility.check(input);
        if (!report.compatible) metrics.compatibilityFailures.inc({ source: 'check' });
        return report;
      },
    },
    schemas: {
      ...registry.schemas,
      async register(input) {
        try {
          return await registry.schemas.register(input);
        } catch (error) {
          if (isRegistryError(error) && error.code === 'INCOMPATIBLE_SCHEMA') {
            metrics.compatibilityFailures.inc({ source: 'register' });
          }
          throw error;
        }
      },
    },
  };
}
