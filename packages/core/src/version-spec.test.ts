import { describe, expect, it } from 'vitest';
import { parseVersionSpec } from './version-spec.js';

describe('parseVersionSpec', () => {
  it.each([
    ['latest', { kind: 'latest' }],
    ['-1', { kind: 'latest' }],
    ['7', { kind: 'number', version: 7 }],
    [7, { kind: 'number', version: 7 }],
    ['1.2.3', { kind: 'semver', semver: '1.2.3' }],
    ['1.2.3-rc.1', { kind: 'semver', semver: '1.2.3-rc.1' }],
  ])('reads %s', (input, expected) => {
    expect(parseVersionSpec(input)).toEqual(expected);
  });

  it.each(['0', '-2', 'abc', '1.2', '99999999999', '', 'x'.repeat(10_000)])(
    'refuses %s with INVALID_VERSION',
    (input) => {
      expect(() => parseVersionSpec(input)).toThrow(
        expect.objectContaining({ code: 'INVALID_VERSION' }),
      );
    },
  );
});
