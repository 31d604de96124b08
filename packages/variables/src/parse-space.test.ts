import { describe, expect, it } from 'vitest';
import { parseSpace } from './parse-space.js';
import { VariableSpaceError } from './variable-space-error.js';

const base = (variables: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 's',
  name: 'S',
  variables,
  ...extra,
});

function errorOf(fn: () => unknown): VariableSpaceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof VariableSpaceError) return error;
    throw new Error(`expected a VariableSpaceError, got ${String(error)}`);
  }
  throw new Error('expected a VariableSpaceError, nothing was thrown');
}

describe('parseSpace normalisation', () => {
  it('gives floats a precision of 0.01 and integers a step of 1 by default', () => {
    const space = parseSpace(
      base([
        { name: 't', kind: 'float', min: 0, max: 2, default: 0.7 },
        { name: 'n', kind: 'integer', min: 1, max: 9 },
      ]),
    );
    expect(space.variables[0]).toMatchObject({ precision: 0.01, log: false, default: 0.7 });
    expect(space.variables[1]).toMatchObject({ step: 1, log: false, default: 1 });
  });

  it('cuts a range that is not divisible by the step down to its last grid point', () => {
    const space = parseSpace(
      base([
        { name: 'f', kind: 'float', min: 0, max: 1, step: 0.3 },
        { name: 'i', kind: 'integer', min: 0, max: 10, step: 3 },
      ]),
    );
    expect(space.variables[0]).toMatchObject({ max: 0.9, step: 0.3 });
    expect(space.variables[1]).toMatchObject({ max: 9, step: 3 });
  });

  it('rounds a float default to its precision and snaps a stepped default to the grid', () => {
    const space = parseSpace(
      base([
        { name: 'a', kind: 'float', min: 0, max: 1, default: 0.123 },
        { name: 'b', kind: 'float', min: 0, max: 1, step: 0.1, default: 0.1 * 3 },
      ]),
    );
    expect(space.variables[0]).toMatchObject({ default: 0.12 });
    expect(space.variables[1]).toMatchObject({ default: 0.3 });
  });

  it('uses the first value or implementation as the default when none is given', () => {
    const space = parseSpace(
      base([
        { name: 'c', kind: 'choice', values: ['x', 'y'] },
        { name: 'm', kind: 'module', implementations: ['fast', 'slow'] },
      ]),
    );
    expect(space.variables[0]).toMatchObject({ default: 'x' });
    expect(space.variables[1]).toMatchObject({
      default: 'fast',
      implementations: [{ name: 'fast', behaviours: [] }, { name: 'slow' }],
    });
  });

  it('parses constraint expressions into the condition AST', () => {
    const space = parseSpace(
      base(
        [
          { name: 'reasoning', kind: 'choice', values: ['direct', 'chain_of_thought'] },
          { name: 'temperature', kind: 'float', min: 0, max: 2 },
        ],
        {
          constraints: [
            { name: 'cot', rule: "temperature <= 1.0 when reasoning == 'chain_of_thought'" },
          ],
        },
      ),
    );
    const when = { var: 'reasoning', eq: 'chain_of_thought' };
    const then = { var: 'temperature', lte: 1 };
    expect(space.constraints[0]!.rule).toEqual({ when, then });
  });

  it('returns a deeply frozen space', () => {
    const space = parseSpace(base([{ name: 'c', kind: 'choice', values: ['x'] }]));
    expect(Object.isFrozen(space)).toBe(true);
    expect(Object.isFrozen(space.variables[0])).toBe(true);
  });
});

describe('parseSpace definition errors', () => {
  const cases: [string, unknown[], string, string, string?][] = [
    [
      'float min >= max',
      [{ name: 't', kind: 'float', min: 2, max: 1 }],
      'invalid_range',
      'variables[0](t)',
      'min < max',
    ],
    [
      'equal float bounds',
      [{ name: 't', kind: 'float', min: 1, max: 1 }],
      'invalid_range',
      'variables[0](t)',
      'min < max',
    ],
    [
      'integer bounds that are not integers',
      [{ name: 'n', kind: 'integer', min: 0.5, max: 3 }],
      'invalid_type',
      'variables[0](n).min',
      'integer',
    ],
    [
      'log scale with min 0',
      [{ name: 't', kind: 'float', min: 0, max: 1, log: true }],
      'invalid_range',
      'variables[0](t).min',
      'min > 0 when log',
    ],
    [
      'integer log scale with min 0',
      [{ name: 'n', kind: 'integer', min: 0, max: 8, log: true }],
      'invalid_range',
      'variables[0](n).min',
      'min >= 1 when log',
    ],
    [
      'a negative step',
      [{ name: 't', kind: 'float', min: 0, max: 1, step: -0.1 }],
      'invalid_step',
      'variables[0](t).step',
      'step > 0',
    ],
    [
      'a zero integer step',
      [{ name: 'n', kind: 'integer', min: 0, max: 9, step: 0 }],
      'invalid_step',
      'variables[0](n).step',
      'step > 0',
    ],
    [
      'step with log',
      [{ name: 't', kind: 'float', min: 1, max: 9, step: 1, log: true }],
      'conflicting_constraints',
      'variables[0](t).step',
    ],
    [
      'step with precision',
      [{ name: 't', kind: 'float', min: 0, max: 1, step: 0.1, precision: 0.01 }],
      'conflicting_constraints',
      'variables[0](t).precision',
    ],
    [
      'empty choices',
      [{ name: 'c', kind: 'choice', values: [] }],
      'empty_choices',
      'variables[0](c).values',
      'non-empty values',
    ],
    [
      'repeated choices',
      [{ name: 'c', kind: 'choice', values: ['a', 'a'] }],
      'invalid_value',
      'variables[0](c).values[1]',
      'distinct values',
    ],
    [
      'a choice that is an object',
      [{ name: 'c', kind: 'choice', values: [{}] }],
      'invalid_type',
      'variables[0](c).values[0]',
    ],
    [
      'a default outside the range',
      [{ name: 't', kind: 'float', min: 0, max: 1, default: 2 }],
      'invalid_default',
      'variables[0](t).default',
      'min <= default <= max',
    ],
    [
      'a default off the step grid',
      [{ name: 't', kind: 'float', min: 0, max: 1, step: 0.25, default: 0.3 }],
      'invalid_default',
      'variables[0](t).default',
      'default on step grid',
    ],
    [
      'a default that is not a choice',
      [{ name: 'c', kind: 'choice', values: ['a'], default: 'b' }],
      'invalid_default',
      'variables[0](c).default',
      'default in values',
    ],
    [
      'an implementation missing the behaviour',
      [
        {
          name: 'm',
          kind: 'module',
          behaviour: 'adapter',
          implementations: [{ name: 'a', behaviours: ['adapter'] }, { name: 'b' }],
        },
      ],
      'invalid_value',
      'variables[0](m).implementations[1]',
      'implementations declare behaviour',
    ],
    ['an unknown kind', [{ name: 'x', kind: 'string' }], 'invalid_value', 'variables[0].kind'],
    ['a missing name', [{ kind: 'float', min: 0, max: 1 }], 'missing_field', 'variables[0].name'],
    [
      'a name with a dot',
      [{ name: 'a.b', kind: 'float', min: 0, max: 1 }],
      'invalid_name',
      'variables[0].name',
    ],
    [
      'an unknown field',
      [{ name: 't', kind: 'float', min: 0, max: 1, mni: 0 }],
      'unknown_field',
      'variables[0](t).mni',
    ],
    [
      'duplicate names',
      [
        { name: 't', kind: 'float', min: 0, max: 1 },
        { name: 't', kind: 'choice', values: [1] },
      ],
      'duplicate_name',
      'variables[1].name',
      'unique names',
    ],
    [
      'a float range that overflows',
      [{ name: 't', kind: 'float', min: -1.7e308, max: 1.7e308 }],
      'invalid_range',
      'variables[0](t)',
      'finite range',
    ],
    [
      'an integer range beyond 2^53',
      [{ name: 'n', kind: 'integer', min: -9e15, max: 9e15 }],
      'invalid_range',
      'variables[0](n)',
      'safe range',
    ],
    [
      'NaN bounds',
      [{ name: 't', kind: 'float', min: Number.NaN, max: 1 }],
      'not_finite',
      'variables[0](t).min',
    ],
    [
      'infinite bounds',
      [{ name: 't', kind: 'float', min: 0, max: Number.POSITIVE_INFINITY }],
      'not_finite',
      'variables[0](t).max',
    ],
    [
      'a condition on an unknown variable',
      [{ name: 't', kind: 'float', min: 0, max: 1, activeWhen: { var: 'nope', eq: 1 } }],
      'unknown_variable',
      'variables[0](t).activeWhen',
    ],
    [
      'a malformed condition',
      [{ name: 't', kind: 'float', min: 0, max: 1, activeWhen: { var: 't', eq: 1, ne: 2 } }],
      'invalid_condition',
      'variables[0](t).activeWhen',
    ],
    [
      'a bad expression',
      [{ name: 't', kind: 'float', min: 0, max: 1, activeWhen: 't <= ' }],
      'invalid_expression',
      'variables[0](t).activeWhen',
    ],
  ];
  it.each(cases)('rejects %s with the variable and the rule', (_, variables, code, path, rule) => {
    const error = errorOf(() => parseSpace(base(variables)));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    if (rule) expect(error.issues[0]!.rule).toBe(rule);
  });

  it('reports every problem at once', () => {
    const error = errorOf(() =>
      parseSpace(
        base([
          { name: 'a', kind: 'float', min: 2, max: 1 },
          { name: 'b', kind: 'choice', values: [] },
          { name: 'c', kind: 'integer', min: 0, max: 5, default: 9 },
        ]),
      ),
    );
    expect(error.issues.map((i) => i.code)).toEqual([
      'invalid_range',
      'empty_choices',
      'invalid_default',
    ]);
  });

  it('reports a dependency cycle with its path', () => {
    const error = errorOf(() =>
      parseSpace(
        base(
          [
            { name: 'a', kind: 'choice', values: [1] },
            { name: 'b', kind: 'choice', values: [1] },
            { name: 'c', kind: 'choice', values: [1] },
          ],
          { dependencies: { a: ['b'], b: ['c'], c: ['a'] } },
        ),
      ),
    );
    expect(error.code).toBe('cyclic_dependency');
    expect(error.message).toContain('a -> b -> c -> a');
    expect(error.issues[0]!.rule).toBe('acyclic dependencies');
  });

  it('finds cycles formed through activeWhen conditions', () => {
    const error = errorOf(() =>
      parseSpace(
        base([
          { name: 'a', kind: 'choice', values: [1, 2], activeWhen: { var: 'b', eq: 1 } },
          { name: 'b', kind: 'choice', values: [1, 2], activeWhen: { var: 'a', eq: 1 } },
        ]),
      ),
    );
    expect(error.code).toBe('cyclic_dependency');
  });

  it('rejects dependencies on variables that do not exist', () => {
    const error = errorOf(() =>
      parseSpace(
        base([{ name: 'a', kind: 'choice', values: [1] }], { dependencies: { a: ['zzz'] } }),
      ),
    );
    expect(error.code).toBe('unknown_variable');
    expect(error.path).toBe('dependencies.a[0]');
  });
});

describe('parseSpace on hostile input', () => {
  it.each([null, 42, 'space', [], undefined, true])('rejects %p as a space', (input) => {
    expect(errorOf(() => parseSpace(input)).code).toMatch(/invalid_type|missing_field/);
  });

  it('rejects __proto__ keys from JSON without touching prototypes', () => {
    const input = JSON.parse(
      '{"id":"s","name":"S","variables":[],"metadata":{"__proto__":{"polluted":true}}}',
    );
    const error = errorOf(() => parseSpace(input));
    expect(error.code).toBe('forbidden_key');
    expect(error.path).toBe('metadata.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 10 MB string', () => {
    const error = errorOf(() =>
      parseSpace(base([{ name: 'c', kind: 'choice', values: ['x'.repeat(10_000_000)] }])),
    );
    expect(error.code).toBe('too_large');
  });

  it('rejects more variables than the limit', () => {
    const variables = Array.from({ length: 5_000 }, (_, i) => ({
      name: `v${i}`,
      kind: 'choice',
      values: [1],
    }));
    expect(errorOf(() => parseSpace(base(variables))).code).toBe('too_large');
  });

  it('rejects composites nested too deeply', () => {
    let variable: unknown = { name: 'leaf', kind: 'choice', values: [1] };
    for (let i = 0; i < 100; i++)
      variable = { name: `g${i}`, kind: 'composite', variables: [variable] };
    expect(errorOf(() => parseSpace(base([variable]))).code).toBe('too_large');
  });

  it('rejects conditions nested too deeply', () => {
    let condition: unknown = { var: 'a', eq: 1 };
    for (let i = 0; i < 10_000; i++) condition = { not: condition };
    const error = errorOf(() =>
      parseSpace(
        base([{ name: 'a', kind: 'choice', values: [1] }], {
          constraints: [{ name: 'deep', rule: condition }],
        }),
      ),
    );
    expect(error.code).toBe('too_large');
  });

  it('rejects cyclic JavaScript objects in metadata', () => {
    const metadata: Record<string, unknown> = {};
    metadata.self = metadata;
    expect(errorOf(() => parseSpace(base([], { metadata }))).code).toBe('too_large');
  });

  it('turns a throwing getter into a VariableSpaceError', () => {
    const input = base([]);
    Object.defineProperty(input, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(errorOf(() => parseSpace(input)).message).toContain('boom');
  });

  it('stops collecting after 100 issues', () => {
    const variables = Array.from({ length: 500 }, (_, i) => ({
      name: `v${i}`,
      kind: 'choice',
      values: [],
    }));
    expect(errorOf(() => parseSpace(base(variables))).issues.length).toBe(100);
  });

  it('caps the choice values of a whole space', () => {
    const values = Array.from({ length: 9_000 }, (_, i) => i);
    const variables = Array.from({ length: 30 }, (_, i) => ({
      name: `v${i}`,
      kind: 'choice',
      values,
    }));
    expect(errorOf(() => parseSpace(base(variables))).code).toBe('too_large');
  });

  it('caps the values listed in conditions', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => i);
    const constraints = Array.from({ length: 30 }, (_, i) => ({
      name: `c${i}`,
      rule: { var: 'a', in: list },
    }));
    const error = errorOf(() =>
      parseSpace(base([{ name: 'a', kind: 'choice', values: [1] }], { constraints })),
    );
    expect(error.code).toBe('too_large');
  });
});
