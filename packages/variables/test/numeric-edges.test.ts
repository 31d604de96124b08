import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpace, sample, VariableSpaceError, validateConfiguration } from '../src/index.js';

const anyDouble = fc.oneof(
  fc.double(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 1e-300, 5e-324, 1e300, 0.1, 0.3, 1e-7),
);

/** Runs `fn`; a VariableSpaceError is an acceptable answer, anything else fails the property. */
function answer<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VariableSpaceError);
    return undefined;
  }
}

describe('numeric edge cases', () => {
  it('any float definition is either rejected clearly or samples only valid values', () => {
    let parsed = 0;
    fc.assert(
      fc.property(
        fc
          .record(
            {
              min: anyDouble,
              width: fc.oneof(anyDouble, fc.integer({ min: 1, max: 1000 })),
              step: fc.oneof(anyDouble, fc.integer({ min: 1, max: 7 })),
              precision: anyDouble,
              log: fc.boolean(),
              at: fc.double({ min: 0, max: 1, noNaN: true }),
            },
            { requiredKeys: ['min', 'width'] },
          )
          .map(({ min, width, at, ...rest }) => ({
            min,
            max: min + Math.abs(width),
            ...(at === undefined ? {} : { default: min + at * Math.abs(width) }),
            ...rest,
          })),
        fc.constantFrom('float', 'integer'),
        fc.integer(),
        (fields, kind, seed) => {
          const definition = { id: 'n', name: 'N', variables: [{ name: 'x', kind, ...fields }] };
          const space = answer(() => parseSpace(definition));
          if (!space) return;
          parsed++;
          const configs = answer(() => sample(space, { count: 20, seed, maxDraws: 2_000 })) ?? [];
          for (const config of configs) {
            expect(validateConfiguration(space, config)).toMatchObject({ valid: true, config });
          }
          const defaults = validateConfiguration(space, {});
          expect(defaults.valid).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
    // Guards against a vacuous property where every generated definition is rejected.
    expect(parsed).toBeGreaterThan(25);
  });
});
