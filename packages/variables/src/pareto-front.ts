import { type EvaluatedConfiguration, readEvaluations } from './read-evaluations.js';
import type { Objective } from './space.js';
import { guard } from './variable-space-error.js';

/**
 * Returns the evaluated configurations no other one dominates (at least as good on every
 * objective and better on one), in input order. Ties are all kept.
 *
 * @example
 * paretoFront(results, [
 *   { metric: 'accuracy', direction: 'maximize' },
 *   { metric: 'cost', direction: 'minimize' },
 * ]);
 */
export function paretoFront<T extends EvaluatedConfiguration>(
  points: readonly T[],
  objectives: readonly Objective[],
): T[] {
  return guard('paretoFront', () => {
    const { values } = readEvaluations(points, objectives);
    const dominates = (a: Float64Array, b: Float64Array): boolean => {
      let better = false;
      for (let j = 0; j < a.length; j++) {
        if (a[j]! < b[j]!) return false;
        if (a[j]! > b[j]!) better = true;
      }
      return better;
    };
    return points.filter(
      (_, i) => !values.some((other, k) => k !== i && dominates(other, values[i]!)),
    );
  });
}
