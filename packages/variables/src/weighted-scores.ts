import { type EvaluatedConfiguration, readEvaluations } from './read-evaluations.js';
import type { Objective } from './space.js';
import { guard, VariableSpaceError } from './variable-space-error.js';

/**
 * Scores evaluated configurations in [0, 1] (higher is better): each metric is min-max
 * normalised over the given points, flipped for `minimize`, and averaged with the objectives'
 * weights (1 by default). A metric with the same value everywhere counts as 1.
 *
 * @example
 * const scores = weightedScores(results, [
 *   { metric: 'accuracy', direction: 'maximize', weight: 3 },
 *   { metric: 'latency', direction: 'minimize', weight: 1 },
 * ]);
 */
export function weightedScores(
  points: readonly EvaluatedConfiguration[],
  objectives: readonly Objective[],
): number[] {
  return guard('weightedScores', () => {
    const { objectives: objs, values } = readEvaluations(points, objectives);
    const weights = objs.map((o) => o.weight ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0) || !Number.isFinite(total)) {
      throw new VariableSpaceError(
        'invalid_options',
        'objectives',
        'objective weights must sum to a positive finite number',
      );
    }
    const low = objs.map((_, j) => Math.min(...values.map((row) => row[j]!)));
    const high = objs.map((_, j) => Math.max(...values.map((row) => row[j]!)));
    return values.map((row) => {
      let score = 0;
      for (let j = 0; j < objs.length; j++) {
        const span = high[j]! - low[j]!;
        // Values are stored as "larger is better", so minimised metrics are already flipped.
        const normalised = span > 0 ? (row[j]! - low[j]!) / span : 1;
        score += weights[j]! * normalised;
      }
      return score / total;
    });
  });
}
