import { describe, expect, it } from 'vitest';
import { jsonSchemaFormat } from '../json/json-schema-format.js';
import { SchemaParseError } from '../schema-format.js';
import { compileLinearRegExp } from './compile-linear-reg-exp.js';

const HOSTILE = `${'a'.repeat(9_999)}!`;

/** Catastrophic patterns from the usual ReDoS lists (OWASP, the classic email/URL regexes). */
const CATASTROPHIC: readonly [pattern: string, input: string][] = [
  ['^(a+)+$', HOSTILE],
  ['(a|aa)+$', HOSTILE],
  ['(a|a?)+$', HOSTILE],
  ['^(\\w+\\s?)*$', HOSTILE],
  ['(.*a){12}', 'a'.repeat(10_000)],
  ['^(a*)*$', HOSTILE],
  ['^(a|a)*$', HOSTILE],
  ['^([a-zA-Z]+)*$', `${'a'.repeat(9_999)}1`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', HOSTILE],
  [
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    HOSTILE,
  ],
  [
    '^[a-zA-Z0-9._%+-]+@([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$',
    `${'a'.repeat(20)}@${'a.'.repeat(4_990)}!`,
  ],
  [
    '^(https?:\\/\\/)?([\\da-z.-]+)\\.([a-z.]{2,6})([\\/\\w .-]*)*\\/?$',
    `http://a.bc${'/a'.repeat(4_995)}!`,
  ],
  ['^(\\d+)*$', `${'1'.repeat(9_999)}x`],
  ['^(\\s*,?\\s*)*$', `${' ,'.repeat(4_999)}x!`],
];

/**
 * Median CPU milliseconds of five runs after a generous warm-up (JIT, caches). CPU time of this
 * process, not wall time: the bound is on the work a match does, and a machine shared with other
 * jobs only stretches wall time (a backtracking engine takes seconds to hours of CPU here).
 */
function medianMs(run: () => void): number {
  for (let i = 0; i < 20; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[2]!;
}

describe('compileLinearRegExp', () => {
  it('matches like ECMAScript on everyday schema patterns', () => {
    const email = compileLinearRegExp('^[a-z0-9._-]+@[a-z]+\\.[a-z]{2,}$');
    expect(email.test('jane.doe@example.com')).toBe(true);
    expect(email.test('jane.doe@example')).toBe(false);
    expect(compileLinearRegExp('\\p{Lu}').test('é')).toBe(false);
    expect(compileLinearRegExp('^\\p{L}+$').test('Grüße')).toBe(true);
    expect(compileLinearRegExp('^\\u{1F600}$').test('😀')).toBe(true);
    expect(compileLinearRegExp('^(?<year>\\d{4})-\\d{2}$').test('2024-05')).toBe(true);
    expect(compileLinearRegExp('b').test('abc')).toBe(true);
    expect(compileLinearRegExp('^b').test('abc')).toBe(false);
    expect(compileLinearRegExp('^a/b$').test('a/b')).toBe(true);
  });

  it('maps the i, m and s flags to RE2', () => {
    expect(compileLinearRegExp('^abc$', 'iu').test('ABC')).toBe(true);
    expect(compileLinearRegExp('^b$', 'mu').test('a\nb')).toBe(true);
    expect(compileLinearRegExp('^a.b$', 'su').test('a\nb')).toBe(true);
    expect(compileLinearRegExp('^a.b$', 'u').test('a\nb')).toBe(false);
  });

  it('renders distinct patterns distinctly, since ajv keys compiled patterns by that text', () => {
    expect(String(compileLinearRegExp('^a$'))).toBe('/^a$/u');
    expect(String(compileLinearRegExp('^b$'))).not.toBe(String(compileLinearRegExp('^a$')));
  });

  it.each([
    ['(a)\\1', 'backreferences are not supported'],
    ['(?<n>a)\\k<n>', 'backreferences are not supported'],
    ['(?=a)b', 'lookahead and lookbehind are not supported'],
    ['(?!a)b', 'lookahead and lookbehind are not supported'],
    ['(?<=a)b', 'lookahead and lookbehind are not supported'],
    ['(?<!a)b', 'lookahead and lookbehind are not supported'],
    ['a{1001}', 'repeat counts above 1000 are not supported'],
  ])('refuses %s, which RE2 cannot run, saying why', (pattern, reason) => {
    expect(() => compileLinearRegExp(pattern)).toThrow(
      new RegExp(`^Invalid regular expression: /.*/u: ${reason} by the linear-time regex engine`),
    );
  });

  it('refuses a pattern longer than 1000 characters, whose first match would be slow', () => {
    expect(() => compileLinearRegExp('a'.repeat(1000))).not.toThrow();
    expect(() => compileLinearRegExp('a'.repeat(10_000))).toThrow(
      /: patterns longer than 1000 characters are not supported .* \(this one has 10000\)$/,
    );
  });

  it('reports an invalid ECMAScript pattern with V8 wording', () => {
    expect(() => compileLinearRegExp('(')).toThrow(/^Invalid regular expression: \/\(\/u: /);
  });

  it.each(CATASTROPHIC)(
    'runs %s on a 10,000-character hostile string in under 10 ms',
    (pattern, input) => {
      const compiled = compileLinearRegExp(pattern);
      expect(medianMs(() => compiled.test(input))).toBeLessThan(10);
    },
  );
});

describe('JSON Schema patterns on the linear-time engine', () => {
  it.each(CATASTROPHIC)(
    'validates a hostile string against "pattern": %s in under 10 ms',
    (pattern, input) => {
      const parsed = jsonSchemaFormat.parse(JSON.stringify({ type: 'string', pattern }));
      const validator = jsonSchemaFormat.compile(parsed);
      // Only the two patterns that can match an empty or all-`a` tail accept their input.
      expect(validator.validate(input).valid).toBe(
        pattern === '(a|a?)+$' || pattern === '(.*a){12}',
      );
      expect(medianMs(() => validator.validate(input))).toBeLessThan(10);
    },
  );

  it('runs patternProperties and propertyNames patterns on RE2 too', () => {
    const schema = {
      type: 'object',
      patternProperties: { '^(a+)+$': { type: 'integer' } },
      propertyNames: { pattern: '^(\\w+\\s?)*$' },
    };
    const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse(JSON.stringify(schema)));
    const start = performance.now();
    const result = validator.validate({ [HOSTILE]: 1, aaa: 'x' });
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(result.errors.map((error) => error.keyword).sort()).toEqual([
      'pattern',
      'propertyNames',
      'type',
    ]);
  });

  it('refuses at parse a pattern too long for the engine, at its pointer', () => {
    const schema = { properties: { id: { type: 'string', pattern: 'a'.repeat(10_000) } } };
    const start = performance.now();
    expect(() => jsonSchemaFormat.parse(JSON.stringify(schema))).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            path: '/properties/id/pattern',
            message: expect.stringContaining('patterns longer than 1000 characters'),
          }),
        ],
      }),
    );
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('accepts for format "regex" only patterns the linear-time engine runs', () => {
    const schema = JSON.stringify({ type: 'string', format: 'regex' });
    const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse(schema));
    expect(validator.validate('^[a-z]+$').valid).toBe(true);
    expect(validator.validate('(a)\\1').errors[0]?.keyword).toBe('format');
    expect(validator.validate('(?=a)').errors[0]?.keyword).toBe('format');
    expect(validator.validate('(').errors[0]?.keyword).toBe('format');
  });

  it.each([
    [{ type: 'string', pattern: '^(a)\\1$' }, '/pattern', 'backreferences'],
    [{ properties: { id: { pattern: '^(?=x)' } } }, '/properties/id/pattern', 'lookahead'],
    [
      { patternProperties: { '^(?<!a)b': {} } },
      '/patternProperties/^(?<!a)b',
      'lookahead and lookbehind',
    ],
    [{ propertyNames: { pattern: '(x)\\1' } }, '/propertyNames/pattern', 'backreferences'],
  ])(
    'refuses %j at parse, naming the pattern, its pointer and the reason',
    (schema, pointer, reason) => {
      let caught: unknown;
      try {
        jsonSchemaFormat.parse(JSON.stringify(schema));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SchemaParseError);
      const error = caught as SchemaParseError;
      expect(error.message).toContain(`at "${pointer}"`);
      expect(error.problems[0]?.path).toBe(pointer);
      expect(error.problems[0]?.message).toContain(reason);
      const source = pointer.endsWith('/pattern')
        ? (pointer
            .split('/')
            .reduce<unknown>(
              (node, key) => (key ? (node as Record<string, unknown>)[key] : node),
              schema,
            ) as string)
        : pointer.slice('/patternProperties/'.length);
      expect(error.problems[0]?.message).toContain(`/${source}/`);
    },
  );
});
