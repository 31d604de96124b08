import { describe, expect, it } from 'vitest';
import { compileLinearRegExp } from './compile-linear-reg-exp.js';
import { unicodePropertyNamesForRe2 } from './unicode-property-names-for-re2.js';

describe('unicodePropertyNamesForRe2', () => {
  it.each([
    ['^\\p{Letter}+$', '^\\p{L}+$'],
    ['\\P{Uppercase_Letter}', '\\P{Lu}'],
    ['\\p{General_Category=Decimal_Number}', '\\p{Nd}'],
    ['\\p{gc=Lu}', '\\p{Lu}'],
    ['\\p{Script=Greek}', '\\p{Greek}'],
    ['\\p{sc=Latin}', '\\p{Latin}'],
    ['\\p{L}', '\\p{L}'],
    ['\\\\p{Letter}', '\\\\p{Letter}'],
    ['a{2}', 'a{2}'],
  ])('rewrites %s as %s', (source, expected) => {
    expect(unicodePropertyNamesForRe2(source)).toBe(expected);
  });

  it('lets a pattern with a long category name match as in ECMAScript', () => {
    const letters = compileLinearRegExp('^\\p{Letter}+$');
    for (const input of ['abc', 'été', 'Ωμέγα', '123', 'a1']) {
      expect(letters.test(input), input).toBe(/^\p{Letter}+$/u.test(input));
    }
  });
});
