import { describe, expect, it } from 'vitest';
import { lineColumnAt, locateJsonSyntaxError } from './locate-json-syntax-error.js';

describe('locateJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    '"s"',
    '-0.5e+3',
    ' true ',
    'null',
    '{"a":[1,{"b":"\\u00e9\\n"}],"c":false}',
  ])('finds nothing wrong in %s', (text) => {
    expect(locateJsonSyntaxError(text)).toBeUndefined();
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it.each([
    ['{"a":}', 1, 6, 'expected a JSON value'],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ['[1,]', 1, 4, 'expected a JSON value'],
    ['{"a":1,}', 1, 8, 'property name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ','"],
    ['[1 2]', 1, 4, "expected ','"],
    ['{"a":"\\q"}', 1, 7, 'escape'],
    ['"abc', 1, 5, 'unterminated'],
    ['', 1, 1, 'end of JSON'],
    ['{} x', 1, 4, 'after the JSON value'],
    ['01', 1, 2, 'after the JSON value'],
    ['[', 1, 2, 'end of JSON'],
    ['{"a":1]', 1, 7, "expected ','"],
  ])('locates the error in %j at %i:%i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const problem = locateJsonSyntaxError(text);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.message).toContain(message);
  });

  it('handles 100,000 levels of nesting without recursion', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(99_999)}`;
    expect(locateJsonSyntaxError(text)?.message).toContain('end of JSON');
  });
});

describe('lineColumnAt', () => {
  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
