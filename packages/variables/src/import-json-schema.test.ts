import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from './export-json-schema.js';
import { importJsonSchema } from './import-json-schema.js';
import { parseSpace } from './parse-space.js';

describe('importJsonSchema', () => {
  it('turns bounded numbers, enums, booleans and objects into variables', () => {
    const { variables, skipped } = importJsonSchema({
      type: 'object',
      properties: {
        temperature: {
          type: 'number',
          minimum: 0,
          maximum: 2,
          default: 0.7,
          description: 'Sampling temperature',
        },
        tokens: { type: 'integer', minimum: 16, maximum: 4096, multipleOf: 16, default: 512 },
        provider: { enum: ['openai', 'groq'], default: 'groq' },
        stream: { type: 'boolean', default: true },
        fixed: { const: 'v1' },
        llm: {
          type: 'object',
          properties: { top_p: { type: 'number', minimum: 0, maximum: 1, multipleOf: 0.1 } },
        },
      },
    });
    expect(skipped).toEqual([]);
    expect(variables).toMatchObject([
      {
        name: 'temperature',
        kind: 'float',
        min: 0,
        max: 2,
        default: 0.7,
        description: 'Sampling temperature',
      },
      { name: 'tokens', kind: 'integer', min: 16, max: 4096, step: 16, default: 512 },
      { name: 'provider', kind: 'choice', values: ['openai', 'groq'], default: 'groq' },
      { name: 'stream', kind: 'choice', values: [false, true], default: true },
      { name: 'fixed', kind: 'choice', values: ['v1'] },
      { name: 'llm', kind: 'composite', variables: [{ name: 'top_p', kind: 'float', step: 0.1 }] },
    ]);
  });

  it('skips properties without a variable equivalent and says why', () => {
    const { variables, skipped } = importJsonSchema({
      type: 'object',
      properties: {
        prompt: { type: 'string' },
        open: { type: 'number', minimum: 0 },
        bad: { type: 'number', minimum: 0, maximum: 1, default: 5 },
        'not a name': { enum: [1] },
        ok: { enum: [1, 2] },
      },
    });
    expect(variables.map((v) => v.name)).toEqual(['ok']);
    expect(skipped.map((s) => s.path)).toEqual(['prompt', 'open', 'bad', 'not a name']);
  });

  it('round-trips the variables of an exported space', () => {
    const space = parseSpace({
      id: 's',
      name: 'S',
      variables: [
        { name: 'provider', kind: 'choice', values: ['a', 'b'], default: 'b', description: 'who' },
        { name: 't', kind: 'float', min: 0, max: 2, default: 0.7 },
        { name: 'n', kind: 'integer', min: 0, max: 100, step: 10, default: 20 },
        {
          name: 'g',
          kind: 'composite',
          variables: [{ name: 'p', kind: 'float', min: 0, max: 1, step: 0.25 }],
        },
      ],
    });
    const { variables } = importJsonSchema(exportJsonSchema(space).schema);
    expect(variables).toEqual(space.variables);
  });

  it.each([null, 'schema', { type: 'object' }, { properties: [] }])('rejects %p', (schema) => {
    expect(() => importJsonSchema(schema)).toThrowError(
      expect.objectContaining({ code: 'invalid_schema' }),
    );
  });

  it('rejects __proto__ properties', () => {
    const { skipped } = importJsonSchema(
      JSON.parse('{"properties": {"__proto__": {"enum": [1]}}}'),
    );
    expect(skipped).toHaveLength(1);
  });

  it('stops at cyclic schemas', () => {
    const inner: Record<string, unknown> = { type: 'object', properties: {} };
    (inner.properties as Record<string, unknown>).self = inner;
    const { variables, skipped } = importJsonSchema({
      type: 'object',
      properties: { root: inner },
    });
    expect(variables).toMatchObject([{ name: 'root', kind: 'composite' }]);
    expect(skipped.map((s) => s.reason)).toEqual(['objects nested deeper than 16']);
  });

  it('rejects more properties than a space may hold', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 3_000 }, (_, i) => [`p${i}`, { enum: [1] }]),
    );
    expect(() => importJsonSchema({ properties })).toThrowError(
      expect.objectContaining({ code: 'too_large' }),
    );
  });

  it('skips a property with a 10 MB enum value', () => {
    const { skipped } = importJsonSchema({
      properties: { big: { enum: ['x'.repeat(10_000_000)] } },
    });
    expect(skipped).toMatchObject([{ path: 'big' }]);
  });
});
