import { at, createReader, readArray, readNumber, readObject } from './create-reader.js';
import { LIMITS } from './limits.js';
import { readObjectives } from './parse-space.js';
import type { Objective } from './space.js';
import { VariableSpaceError } from './variable-space-error.js';

/** A configuration that has been run, with its metric values. */
export interface EvaluatedConfiguration {
  config: Record<string, unknown>;
  metrics: Record<string, number>;
}

/** Checks points and objectives, returning a metric matrix (`values[point][objective]`, larger is better). */
export function readEvaluations(
  points: readonly EvaluatedConfiguration[],
  objectives: readonly Objective[],
): { objectives: Objective[]; values: Float64Array[] } {
  const r = createReader();
  const list = readArray(r, points, 'points', LIMITS.points);
  const objs = readObjectives(r, objectives, 'objectives');
  r.throwIfAny();
  if (objs!.length === 0)
    throw new VariableSpaceError('invalid_options', 'objectives', 'give at least one objective');
  const values = list!.map((point, i) => {
    const row = new Float64Array(objs!.length);
    const obj = readObject(r, point, at('points', i));
    const metrics = obj && readObject(r, obj.metrics, at(at('points', i), 'metrics'));
    if (!metrics) return row;
    objs!.forEach((o, j) => {
      const path = at(at(at('points', i), 'metrics'), o.metric);
      const value = Object.hasOwn(metrics, o.metric)
        ? readNumber(r, metrics[o.metric], path)
        : r.fail('invalid_metrics', path, `metric "${o.metric}" is missing`);
      if (value !== undefined) row[j] = o.direction === 'maximize' ? value : -value;
    });
    return row;
  });
  r.throwIfAny();
  return { objectives: objs!, values };
}
