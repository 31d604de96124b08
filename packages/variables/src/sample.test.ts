import { describe, expect, it } from 'vitest';
import { parseSpace } from './parse-space.js';
import { sample, sampleWithReport } from './sample.js';
import { validateConfiguration } from './validate-configuration.js';
import type { VariableSpaceError } from './variable-space-error.js';

const space = parseSpace({
  id: 's',
  name: 'S',
  variables: [
    { name: 'provider', kind: 'choice', values: ['openai', 'groq'] },
    { name: 'model', kind: 'choice', values: ['gpt', 'llama', 'mixtral'] },
    { name: 'temperature', kind: 'float', min: 0, max: 2 },
    { name: 'lr', kind: 'float', min: 1e-5, max: 1e-1, log: true },
    { name: 'tokens', kind: 'integer', min: 1, max: 4096, log: true },
    { name: 'beam', kind: 'integer', min: 1, max: 4, activeWhen: "provider == 'groq'" },
  ],
  constraints: [
    { name: 'groq-models', rule: "provider == 'groq' => model in ['llama', 'mixtral']" },
  ],
});

const discrete = parseSpace({
  id: 'd',
  name: 'D',
  variables: [
    { name: 'a', kind: 'choice', values: [1, 2, 3] },
    { name: 'b', kind: 'float', min: 0, max: 0.4, step: 0.1 },
    { name: 'c', kind: 'choice', values: ['x', 'y'], activeWhen: 'a == 1' },
  ],
  constraints: [{ name: 'no-a3-high-b', rule: 'a == 3 => b <= 0.1' }],
});

describe('sample', () => {
  it('returns the same configurations for the same seed', () => {
    expect(sample(space, { count: 50, seed: 7 })).toEqual(sample(space, { count: 50, seed: 7 }));
    expect(sample(space, { count: 50, seed: 'run-1', method: 'lhs' })).toEqual(
      sample(space, { count: 50, seed: 'run-1', method: 'lhs' }),
    );
  });

  it('returns different configurations for different seeds', () => {
    expect(sample(space, { count: 20, seed: 1 })).not.toEqual(
      sample(space, { count: 20, seed: 2 }),
    );
  });

  it.each(['random', 'lhs'] as const)('returns only valid configurations with %s', (method) => {
    const configs = sample(space, { count: 500, seed: 3, method });
    expect(configs).toHaveLength(500);
    for (const config of configs)
      expect(validateConfiguration(space, config)).toMatchObject({ valid: true, config });
    expect(configs.some((c) => c.provider === 'groq' && c.beam !== undefined)).toBe(true);
    expect(configs.every((c) => (c.provider === 'groq') === (c.beam !== undefined))).toBe(true);
  });

  it('samples log-scale variables across their orders of magnitude', () => {
    const lrs = sample(space, { count: 400, seed: 5 }).map((c) => c.lr as number);
    expect(lrs.filter((lr) => lr < 1e-4).length).toBeGreaterThan(50);
    expect(lrs.filter((lr) => lr > 1e-2).length).toBeGreaterThan(50);
  });

  it('puts one Latin hypercube sample in each stratum of a float', () => {
    const only = parseSpace({
      id: 'f',
      name: 'F',
      variables: [{ name: 'x', kind: 'float', min: 0, max: 1, precision: 1e-9 }],
    });
    const xs = sample(only, { count: 100, seed: 9, method: 'lhs' }).map((c) =>
      Math.min(99, Math.floor((c.x as number) * 100)),
    );
    expect(new Set(xs).size).toBe(100);
  });

  it('enumerates a discrete space as a grid, respecting activity and constraints', () => {
    const grid = sample(discrete, { count: 1000, method: 'grid' });
    // a=1: 5 b x 2 c; a=2: 5 b; a=3: b in {0, 0.1}
    expect(grid).toHaveLength(10 + 5 + 2);
    expect(grid[0]).toEqual({ a: 1, b: 0, c: 'x' });
    expect(grid.map((c) => c.b)).toContain(0.3);
    expect(new Set(grid.map((c) => JSON.stringify(c))).size).toBe(17);
  });

  it('stops a grid at count', () => {
    expect(sample(discrete, { count: 4, method: 'grid' })).toHaveLength(4);
  });

  it('refuses a grid over a continuous float', () => {
    expect(() => sample(space, { count: 10, method: 'grid' })).toThrowError(
      expect.objectContaining({ code: 'not_discrete', path: 'temperature' }),
    );
  });

  it('reports an infeasible discrete space', () => {
    const infeasible = parseSpace({
      id: 'i',
      name: 'I',
      variables: [{ name: 'a', kind: 'choice', values: [1, 2] }],
      constraints: [{ name: 'never', rule: 'a == 1 and a == 2' }],
    });
    expect(() => sample(infeasible, { count: 1, seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'infeasible_space' }),
    );
    expect(() => sample(infeasible, { count: 1, method: 'grid' })).toThrowError(
      expect.objectContaining({ code: 'infeasible_space' }),
    );
  });

  it('gives up on constraints that reject too many draws, naming the worst constraint', () => {
    const tight = parseSpace({
      id: 't',
      name: 'T',
      variables: [{ name: 'x', kind: 'float', min: 0, max: 1, precision: 1e-12 }],
      constraints: [{ name: 'needle', rule: 'x == 0.5' }],
    });
    const error = (() => {
      try {
        sample(tight, { count: 1, seed: 1, maxDraws: 2_000 });
      } catch (e) {
        return e as VariableSpaceError;
      }
    })();
    expect(error?.code).toBe('too_many_rejections');
    expect(error?.message).toContain('needle');
  });

  it('pins variables that are not tunable to their default', () => {
    const pinned = parseSpace({
      id: 'p',
      name: 'P',
      variables: [
        { name: 'x', kind: 'float', min: 0, max: 1, default: 0.25, hints: { tunable: false } },
      ],
    });
    expect(new Set(sample(pinned, { count: 20, seed: 1 }).map((c) => c.x))).toEqual(
      new Set([0.25]),
    );
  });

  it.each([
    [{ count: -1 }, 'count'],
    [{ count: 1.5 }, 'count'],
    [{ count: 100_001 }, 'count'],
    [{ count: Number.NaN }, 'count'],
    [{ count: 1, method: 'sobol' }, 'method'],
    [{ count: 1, maxDraws: 1e12 }, 'maxDraws'],
    [{ count: 1, seed: {} }, 'seed'],
    [null, 'options'],
  ])('rejects bad options %p', (options, path) => {
    expect(() => sample(space, options as never)).toThrowError(expect.objectContaining({ path }));
  });

  it('returns nothing for count 0', () => {
    expect(sample(space, { count: 0 })).toEqual([]);
  });

  it('gives up early when the acceptance rate cannot reach count', () => {
    const rare = parseSpace({
      id: 'r',
      name: 'R',
      variables: [{ name: 'x', kind: 'float', min: 0, max: 1, precision: 1e-12 }],
      constraints: [{ name: 'sliver', rule: 'x <= 0.0001' }],
    });
    expect(() => sample(rare, { count: 100_000, seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'too_many_rejections' }),
    );
  });

  it('reports the seed, method and draws of a run', () => {
    const report = sampleWithReport(space, { count: 50 });
    expect(report.configurations).toHaveLength(50);
    expect(report.method).toBe('random');
    expect(report.draws).toBeGreaterThanOrEqual(50);
    expect(sample(space, { count: 50, seed: report.seed })).toEqual(report.configurations);
  });
});
