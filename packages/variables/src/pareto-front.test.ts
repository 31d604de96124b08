import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto-front.js';
import type { Objective } from './space.js';

const objectives: Objective[] = [
  { metric: 'accuracy', direction: 'maximize' },
  { metric: 'cost', direction: 'minimize' },
];
const point = (id: string, accuracy: number, cost: number) => ({
  config: { id },
  metrics: { accuracy, cost },
});

describe('paretoFront', () => {
  it('keeps the configurations nothing dominates, in input order', () => {
    const points = [
      point('a', 0.9, 10),
      point('b', 0.8, 2),
      point('c', 0.7, 5),
      point('d', 0.95, 20),
      point('e', 0.8, 3),
    ];
    expect(paretoFront(points, objectives).map((p) => p.config.id)).toEqual(['a', 'b', 'd']);
  });

  it('keeps ties', () => {
    expect(paretoFront([point('a', 1, 1), point('b', 1, 1)], objectives)).toHaveLength(2);
  });

  it('handles a single objective', () => {
    const front = paretoFront(
      [point('a', 0.5, 1), point('b', 0.7, 9)],
      [{ metric: 'accuracy', direction: 'maximize' }],
    );
    expect(front.map((p) => p.config.id)).toEqual(['b']);
  });

  it.each([
    [
      'a missing metric',
      [{ config: {}, metrics: { accuracy: 1 } }],
      'invalid_metrics',
      'points[0].metrics.cost',
    ],
    ['a NaN metric', [point('a', Number.NaN, 1)], 'not_finite', 'points[0].metrics.accuracy'],
    [
      'a string metric',
      [{ config: {}, metrics: { accuracy: '1', cost: 1 } }],
      'invalid_type',
      'points[0].metrics.accuracy',
    ],
    ['points that are not an array', 'points', 'invalid_type', 'points'],
  ])('rejects %s', (_, points, code, path) => {
    expect(() => paretoFront(points as never, objectives)).toThrowError(
      expect.objectContaining({ code, path }),
    );
  });

  it('rejects more than 10,000 points', () => {
    const points = Array.from({ length: 10_001 }, (_, i) => point(String(i), i, i));
    expect(() => paretoFront(points, objectives)).toThrowError(
      expect.objectContaining({ code: 'too_large' }),
    );
  });

  it('rejects bad objectives', () => {
    expect(() => paretoFront([], [])).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => paretoFront([], [{ metric: 'a', direction: 'up' as never }])).toThrowError(
      expect.objectContaining({ path: 'objectives[0].direction' }),
    );
  });
});
