import { describe, expect, it } from 'vitest';
import { jsonSchemaFormat } from '../src/json/json-schema-format.js';
import { MAX_SCHEMA_CONTAINERS, MAX_SCHEMA_DEPTH } from '../src/json/parse-json-text.js';
import { SchemaParseError } from '../src/schema-format.js';

// Malformed, oversized and hostile input: every case ends in a SchemaParseError or a
// validation result, never a crash, a hang or a polluted prototype.

function expectParseError(text: unknown): SchemaParseError {
  let caught: unknown;
  try {
    jsonSchemaFormat.parse(text as string);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SchemaParseError);
  return caught as SchemaParseError;
}

function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('oversized input', () => {
  const tenMegabytes = 10 * 1024 * 1024;

  it('rejects 10 MB of non-JSON with a location', () => {
    const error = expectParseError('x'.repeat(tenMegabytes));
    expect(error.problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects a 10 MB unterminated string at its end', () => {
    const error = expectParseError(`{"description":"${'a'.repeat(tenMegabytes)}`);
    expect(error.problems[0]?.column).toBe(tenMegabytes + 17);
  });

  it('parses a schema with a 10 MB description and validates against it', () => {
    const parsed = jsonSchemaFormat.parse(
      JSON.stringify({ description: 'd'.repeat(tenMegabytes), type: 'string', maxLength: 5 }),
    );
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const validator = jsonSchemaFormat.compile(parsed);
    expect(validator.validate('s'.repeat(tenMegabytes)).errors[0]?.keyword).toBe('maxLength');
  });

  it('handles an enum of 100,000 values', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => `value-${i}`);
    const validator = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse(JSON.stringify({ enum: values })),
    );
    expect(validator.validate('value-99999').valid).toBe(true);
    expect(validator.validate('value-100000').errors[0]?.keyword).toBe('enum');
  });

  it('rejects a schema with more objects and arrays than the limit', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_SCHEMA_CONTAINERS; i++) properties[`p${i}`] = {};
    expect(expectParseError(JSON.stringify({ properties })).message).toContain('more than');
  });

  it('handles 2,000 properties and required names', () => {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      properties[`p${i}`] = { type: 'integer' };
      required.push(`p${i}`);
    }
    const validator = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse(JSON.stringify({ properties, required })),
    );
    const result = validator.validate({ p0: 'x' });
    expect(result.valid).toBe(false);
    expect(result.errors.some((error) => error.keyword === 'required')).toBe(true);
  });
});

describe('deep nesting', () => {
  it('rejects a schema nested 10,000 levels deep with a pointer, not a stack overflow', () => {
    const text = `${'{"properties":{"a":'.repeat(10_000)}{}${'}}'.repeat(10_000)}`;
    const error = expectParseError(text);
    expect(error.message).toContain(`deeper than ${MAX_SCHEMA_DEPTH}`);
    expect(error.problems[0]?.path.startsWith('/properties/a/properties/a')).toBe(true);
  });

  it('rejects 100,000 nested arrays in an enum value', () => {
    const error = expectParseError(`{"enum":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`);
    expect(error.problems[0]?.path.startsWith('/enum/0/0/0')).toBe(true);
  });

  it('compiles a schema just within the depth limit', () => {
    const levels = Math.floor((MAX_SCHEMA_DEPTH - 1) / 2);
    const text = `${'{"properties":{"a":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
    const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse(text));
    let data: unknown = 1;
    for (let i = 0; i < levels; i++) data = { a: data };
    expect(validator.validate(data).valid).toBe(false);
  });

  it('reports data nested 100,000 levels deep as a depth error', () => {
    const recursive =
      '{"$defs":{"n":{"type":"array","items":{"$ref":"#/$defs/n"}}},"$ref":"#/$defs/n"}';
    const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse(recursive));
    expect(validator.validate(nestedArray(10)).valid).toBe(true);
    const result = validator.validate(nestedArray(100_000));
    expect(result).toMatchObject({ valid: false, errors: [{ path: '', keyword: 'depth' }] });
    const untimed = jsonSchemaFormat.compile(jsonSchemaFormat.parse(recursive), { timing: false });
    expect(untimed.validate(nestedArray(100_000)).errors).toEqual([
      { path: '', keyword: 'depth', message: expect.any(String) },
    ]);
  });

  it('reports cyclic data under a recursive schema as a depth error', () => {
    const validator = jsonSchemaFormat.compile(
      jsonSchemaFormat.parse('{"properties":{"self":{"$ref":"#"}}}'),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(validator.validate(cyclic).errors[0]?.keyword).toBe('depth');
  });

  it('validates deep data under a shallow schema without looking into it', () => {
    const validator = jsonSchemaFormat.compile(jsonSchemaFormat.parse('{"type":"array"}'));
    expect(validator.validate(nestedArray(100_000)).valid).toBe(true);
  });

  it('turns a 2,000-long $ref chain into a result or a SchemaParseError', () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++)
      defs[`d${i}`] = i === 1999 ? { type: 'string' } : { $ref: `#/$defs/d${i + 1}` };
    try {
      const validator = jsonSchemaFormat.compile(
        jsonSchemaFormat.parse(JSON.stringify({ $defs: defs, $ref: '#/$defs/d0' })),
      );
      expect(validator.validate(1).valid).toBe(false);
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaParseError);
    }
  });
});

describe('non-JSON and wrong types', () => {
  it.each([
    ['an empty text', ''],
    ['whitespace', '  \n '],
    ['YAML', 'type: object\nproperties: {}'],
    ['a JavaScript object literal', "{type: 'object'}"],
    ['a trailing comma', '{"type":"object",}'],
    ['a comment', '{"type":"object" /* c */}'],
    ['NaN', '{"minimum":NaN}'],
    ['a byte-order mark', '\ufeff{"type":"object"}'],
    ['two values', '{} {}'],
    ['a raw control character', '{"title":"a\u0001b"}'],
    ['a bad escape', '{"title":"\\x41"}'],
    ['a leading zero', '{"minimum":01}'],
  ])('rejects %s with a line and column', (_, text) => {
    const problem = expectParseError(text).problems[0];
    expect(problem?.line).toBeGreaterThanOrEqual(1);
    expect(problem?.column).toBeGreaterThanOrEqual(1);
  });

  it.each([[undefined], [null], [42], [{ type: 'object' }]])(
    'rejects a non-string schema text (%s)',
    (value) => {
      expectParseError(value);
    },
  );
});

describe('prototype keys', () => {
  it('keeps __proto__ as an ordinary key and never touches Object.prototype', () => {
    const text =
      '{"__proto__":{"polluted":true},"properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}},"required":["constructor"]}';
    const parsed = jsonSchemaFormat.parse(text);
    expect(parsed.canonical).toContain('"__proto__":{"polluted":true}');
    const strict = jsonSchemaFormat.compile(parsed, { strict: true });
    const lenient = jsonSchemaFormat.compile(parsed);
    expect(lenient.validate({}).valid).toBe(false);
    expect(lenient.validate(JSON.parse('{"constructor":"c"}')).valid).toBe(true);
    expect(strict.validate(JSON.parse('{"constructor":"c","other":1}')).errors[0]?.path).toBe(
      '/other',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the same fingerprint to __proto__ keys in any order', () => {
    const a = jsonSchemaFormat.parse('{"__proto__":{"a":1},"type":"object"}');
    const b = jsonSchemaFormat.parse('{"type":"object","__proto__":{"a":1}}');
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});
