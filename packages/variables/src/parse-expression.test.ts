import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { parseExpression } from './parse-expression.js';
import { VariableSpaceError } from './variable-space-error.js';

/** Builds `{when, then}` without a literal `then` key (Biome flags those as thenables). */
const implies = (when: Condition, then: Condition): Condition => ({ when, then });

describe('parseExpression', () => {
  it.each([
    ["provider == 'groq'", { var: 'provider', eq: 'groq' }],
    ['temperature <= 1.0', { var: 'temperature', lte: 1 }],
    ['n > -3', { var: 'n', gt: -3 }],
    ['llm.top_p < 0.5', { var: 'llm.top_p', lt: 0.5 }],
    ['flag != true', { var: 'flag', ne: true }],
    ['max_tokens >= min_tokens', { var: 'max_tokens', gte: { var: 'min_tokens' } }],
    ['model in [\'a\', "b", 3]', { var: 'model', in: ['a', 'b', 3] }],
    ["model not in ['a']", { var: 'model', nin: ['a'] }],
    [
      'a == 1 and b == 2 && c == 3',
      {
        all: [
          { var: 'a', eq: 1 },
          { var: 'b', eq: 2 },
          { var: 'c', eq: 3 },
        ],
      },
    ],
    [
      'a == 1 or b == 2',
      {
        any: [
          { var: 'a', eq: 1 },
          { var: 'b', eq: 2 },
        ],
      },
    ],
    ['not (a == 1)', { not: { var: 'a', eq: 1 } }],
    ['!a == 1', { not: { var: 'a', eq: 1 } }],
    [
      "provider == 'groq' => model in ['llama']",
      implies({ var: 'provider', eq: 'groq' }, { var: 'model', in: ['llama'] }),
    ],
    [
      "temperature <= 1.0 when reasoning == 'cot'",
      implies({ var: 'reasoning', eq: 'cot' }, { var: 'temperature', lte: 1 }),
    ],
    [
      'a == 1 or b == 2 and c == 3',
      {
        any: [
          { var: 'a', eq: 1 },
          {
            all: [
              { var: 'b', eq: 2 },
              { var: 'c', eq: 3 },
            ],
          },
        ],
      },
    ],
    ["s == 'it\\'s'", { var: 's', eq: "it's" }],
  ])('parses %s', (text, ast) => {
    expect(parseExpression(text)).toEqual(ast);
  });

  it.each([
    ['', 'expected a variable name'],
    ["a == 'open", 'unterminated string'],
    ['a ==', 'expected a string, number or boolean'],
    ['a = 1', 'unexpected character'],
    ['a == 1 b == 2', 'unexpected input'],
    ['a in 1', 'expected "["'],
    ['(a == 1', 'expected ")"'],
    ['a not b', 'expected "in"'],
  ])('rejects %p with a located message', (text, message) => {
    expect(() => parseExpression(text)).toThrowError(message);
    try {
      parseExpression(text);
    } catch (error) {
      expect((error as VariableSpaceError).code).toBe('invalid_expression');
    }
  });

  it('rejects deeply nested parentheses without overflowing the stack', () => {
    const text = `${'('.repeat(1_000)}a == 1${')'.repeat(1_000)}`;
    expect(() => parseExpression(text)).toThrowError(/nested too deeply/);
  });

  it('rejects a 10 MB expression before tokenizing it', () => {
    expect(() => parseExpression(`a == '${'x'.repeat(10_000_000)}'`)).toThrowError(
      VariableSpaceError,
    );
  });

  it('rejects input that is not a string', () => {
    expect(() => parseExpression(42 as unknown as string)).toThrowError(VariableSpaceError);
  });
});
