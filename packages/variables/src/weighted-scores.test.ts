import { describe, expect, it } from 'vitest';
import { weightedScores } from './weighted-scores.js';

const point = (accuracy: number, cost: number) => ({ config: {}, metrics: { accuracy, cost } });

describe('weightedScores', () => {
  it('normalises each metric over the points, flips minimised ones and applies weights', () => {
    const scores = weightedScores(
      [point(0.9, 10), point(0.5, 0), point(0.7, 5)],
      [
        { metric: 'accuracy', direction: 'maximize', weight: 3 },
        { metric: 'cost', direction: 'minimize', weight: 1 },
      ],
    );
    expect(scores[0]).toBeCloseTo(0.75);
    expect(scores[1]).toBeCloseTo(0.25);
    expect(scores[2]).toBeCloseTo((3 * 0.5 + 0.5) / 4);
  });

  it('counts a metric with one value everywhere as 1', () => {
    expect(
      weightedScores([point(1, 2), point(1, 2)], [{ metric: 'accuracy', direction: 'maximize' }]),
    ).toEqual([1, 1]);
  });

  it('rejects weights that sum to zero', () => {
    expect(() =>
      weightedScores([point(1, 1)], [{ metric: 'accuracy', direction: 'maximize', weight: 0 }]),
    ).toThrowError(expect.objectContaining({ code: 'invalid_options' }));
  });

  it('rejects negative and infinite weights', () => {
    expect(() =>
      weightedScores([point(1, 1)], [{ metric: 'accuracy', direction: 'maximize', weight: -1 }]),
    ).toThrowError(expect.objectContaining({ path: 'objectives[0].weight' }));
    expect(() =>
      weightedScores(
        [point(1, 1)],
        [{ metric: 'accuracy', direction: 'maximize', weight: Number.POSITIVE_INFINITY }],
      ),
    ).toThrowError(expect.objectContaining({ code: 'not_finite' }));
  });
});
