import { describe, expect, it } from 'vitest';
import { SchemaParseError } from '../schema-format.js';
import { assertCompileBudget, MAX_COMPILE_UNITS } from './assert-compile-budget.js';
import { jsonSchemaFormat } from './json-schema-format.js';

function objectWith(count: number, prefix = 'p'): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) properties[`${prefix}${i}`] = { type: 'string' };
  return { type: 'object', properties };
}

function parseError(text: string, references = {}): SchemaParseError {
  try {
    jsonSchemaFormat.parse(text, references);
  } catch (error) {
    if (error instanceof SchemaParseError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('assertCompileBudget', () => {
  it('refuses at parse a schema too costly to compile, without compiling it', () => {
    const text = JSON.stringify(objectWith(MAX_COMPILE_UNITS + 1));
    const start = performance.now();
    const error = parseError(text);
    // Compiling 10,000 properties takes seconds; the refusal is a linear walk.
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(error.message).toMatch(/^schema is too costly to compile: /);
    expect(error.problems[0]?.message).toContain('compile budget exceeded');
  });

  it('accepts a schema under the budget', () => {
    expect(() => assertCompileBudget(objectWith(MAX_COMPILE_UNITS - 10), undefined)).not.toThrow();
  });

  it('counts each $ref as the code ajv inlines for it', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 1_700; i++) properties[`f${i}`] = { $ref: '#/$defs/leaf' };
    // 5 keywords, inlined at each of 1,700 refs: 1,700 x (1 + 5) units.
    const leaf = { type: 'string', minLength: 1, maxLength: 9, format: 'email', pattern: '@' };
    const schema = { $defs: { leaf }, properties };
    expect(() => assertCompileBudget(schema, undefined)).toThrow(/too costly to compile/);
    expect(() => assertCompileBudget(schema, undefined, 20_000)).not.toThrow();
  });

  it('counts a $ref to a large or ref-holding target as one call', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 4_000; i++)
      properties[`f${i}`] = { $ref: i % 2 ? '#/$defs/big' : '#/$defs/outer' };
    const schema = {
      $defs: { big: objectWith(20), outer: { items: { $ref: '#/$defs/big' } } },
      properties,
    };
    expect(() => assertCompileBudget(schema, undefined)).not.toThrow();
  });

  it('counts a ref it cannot resolve in place at the inlining limit', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 1_200; i++) properties[`f${i}`] = { $ref: 'other.json' };
    expect(() => assertCompileBudget({ properties }, undefined)).toThrow(/too costly to compile/);
  });

  it('does not count data keywords, which compile to one loop', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => ({ id: i }));
    const schema = { enum: values, const: values, default: values, examples: [values] };
    expect(() => assertCompileBudget(schema, undefined)).not.toThrow();
  });

  it('counts referenced schemas, which compile with the schema', () => {
    const half = JSON.stringify(objectWith(MAX_COMPILE_UNITS / 2 + 1, 'r'));
    const reference = {
      name: 'half.json',
      subject: 'half',
      version: 1,
      schemaType: 'JSON' as const,
      schema: half,
      references: [],
    };
    const root = { ...objectWith(MAX_COMPILE_UNITS / 2), allOf: [{ $ref: 'half.json' }] };
    expect(() =>
      jsonSchemaFormat.parse(JSON.stringify(objectWith(10)), { references: [reference] }),
    ).not.toThrow();
    expect(parseError(JSON.stringify(root), { references: [reference] }).message).toContain(
      'too costly to compile',
    );
  });

  it('keeps many $refs to a large definition cheap to compile (ajv inlines only small ones)', () => {
    const leaf = objectWith(30);
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 1_000; i++) properties[`f${i}`] = { $ref: '#/$defs/leaf' };
    const parsed = jsonSchemaFormat.parse(
      JSON.stringify({ $defs: { leaf }, type: 'object', properties }),
    );
    const start = performance.now();
    const validator = jsonSchemaFormat.compile(parsed);
    // Inlined at every ref this took 33 s on the machine where 0.8 s was measured without.
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(validator.validate({ f1: { p0: 1 } }).errors[0]?.path).toBe('/f1/p0');
  });
});
