import { describe, expect, it } from 'vitest';
import { describeSpace } from './describe-space.js';
import { parseSpace } from './parse-space.js';

describe('describeSpace', () => {
  it('counts discrete and continuous dimensions and the discrete size', () => {
    const space = parseSpace({
      id: 's',
      name: 'S',
      variables: [
        { name: 'provider', kind: 'choice', values: ['a', 'b', 'c'] },
        { name: 'adapter', kind: 'module', implementations: ['chat', 'json'] },
        {
          name: 'g',
          kind: 'composite',
          variables: [
            { name: 'n', kind: 'integer', min: 0, max: 10, step: 5 },
            { name: 'p', kind: 'float', min: 0, max: 1, step: 0.25 },
          ],
        },
        { name: 't', kind: 'float', min: 0, max: 2 },
        {
          name: 'k',
          kind: 'conditional',
          activeWhen: "provider == 'a'",
          cases: [{ when: "provider == 'a'", domain: { kind: 'integer', min: 1, max: 4 } }],
          fallback: { kind: 'integer', min: 1, max: 2 },
        },
      ],
      constraints: [{ name: 'c', rule: "provider != 'c'" }],
    });
    expect(describeSpace(space)).toEqual({
      variables: 6,
      discreteDimensions: 5,
      continuousDimensions: 1,
      discreteSize: 3 * 2 * 3 * 5 * 4,
      conditionalVariables: 1,
      constraints: 1,
    });
  });

  it('rejects something that is not a space', () => {
    expect(() => describeSpace('space' as never)).toThrowError(
      expect.objectContaining({ code: 'invalid_type' }),
    );
  });
});
