import { describe, expect, it } from 'vitest';
import { compileLinearRegExp } from './compile-linear-reg-exp.js';
import { ecmascriptClassesForRe2 } from './ecmascript-classes-for-re2.js';

const PATTERNS = [
  '^\\S+$',
  '^\\s*$',
  '\\s',
  '^[^\\s]+$',
  '^[\\s,]+$',
  '^[\\s\\S]+$',
  '^.+$',
  '^a.b$',
  '^[.]$',
  '^\\.$',
  '^a[]?b$',
  '^a[^]b$',
  '^[a\\]]$',
  '^\\\\s$',
];
const INPUTS = [
  'ab',
  'a b',
  'a\u00a0b',
  'a\u2003b',
  '\u3000',
  'a\rb',
  'a\nb',
  'a\u2028b',
  'a\tb',
  '.',
  'x',
  ']',
  'a',
  '\\s',
  ' ',
];

describe('ecmascriptClassesForRe2', () => {
  it.each(PATTERNS)('makes %s accept on RE2 exactly what it accepts in JavaScript', (pattern) => {
    const v8 = new RegExp(pattern, 'u');
    const re2 = compileLinearRegExp(pattern, 'u');
    for (const input of INPUTS) {
      expect({ input, matches: re2.test(input) }).toEqual({ input, matches: v8.test(input) });
    }
  });

  it('leaves . to RE2 under the s flag', () => {
    expect(ecmascriptClassesForRe2('a.b', 'su')).toBe('a.b');
    expect(compileLinearRegExp('^a.b$', 'su').test('a\u2028b')).toBe(true);
  });

  it('keeps escapes and class members it does not rewrite', () => {
    expect(ecmascriptClassesForRe2('\\.\\d[.\\]]', 'u')).toBe('\\.\\d[.\\]]');
  });
});
