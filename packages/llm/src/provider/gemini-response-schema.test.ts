import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintForProvider } from './lint-for-provider.ts';
import { fromProviderOutput } from './map-provider-output.ts';
import { toProviderSchema } from './to-provider-schema.ts';
import { isSchemaObject } from './walk-schema.ts';

type Schema = Record<string, unknown>;
const target = { target: 'responseSchema' } as const;

describe('lintForProvider gemini with target responseSchema', () => {
  const table: [string, Schema, string[], string[]][] = [
    [
      'an OpenAPI-style schema',
      {
        type: 'object',
        properties: { a: { type: 'string', nullable: true }, b: { enum: ['x', 'y'] } },
        propertyOrdering: ['a', 'b'],
      },
      [],
      [],
    ],
    ['a null type', { type: ['string', 'null'] }, ['null-type'], []],
    [
      'a $ref',
      {
        type: 'object',
        properties: { a: { $ref: '#/$defs/a' } },
        $defs: { a: { type: 'string' } },
      },
      ['ref-not-supported', 'ref-not-supported'],
      [],
    ],
    [
      'additionalProperties and const',
      { type: 'object', properties: { a: { const: 'x' } }, additionalProperties: false },
      ['unsupported-keyword', 'unsupported-keyword'],
      [],
    ],
    ['a number enum', { type: 'integer', enum: [1, 2] }, ['enum-type'], []],
    [
      'a missing propertyOrdering',
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      [],
      ['property-ordering'],
    ],
  ];
  for (const [name, schema, errors, warnings] of table) {
    it(`${errors.length === 0 ? 'accepts' : `rejects with ${errors.join(', ')}`}: ${name}`, () => {
      const issues = lintForProvider(schema, 'gemini', target).issues;
      expect(issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(
        errors.map((r) => `gemini/${r}`),
      );
      expect(issues.filter((i) => i.severity === 'warning').map((i) => i.rule)).toEqual(
        warnings.map((r) => `gemini/${r}`),
      );
    });
  }
});

describe('toProviderSchema gemini with target responseSchema', () => {
  it('inlines references, writes nullable and moves unsupported fields', () => {
    const result = toProviderSchema(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          who: { $ref: '#/$defs/person' },
          note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
        additionalProperties: false,
        $defs: {
          person: {
            type: 'object',
            properties: { name: { type: ['string', 'null'] } },
            required: ['name'],
          },
        },
      },
      'gemini',
      target,
    );
    expect(result.schema).toEqual({
      type: 'object',
      properties: {
        who: {
          type: 'object',
          properties: { name: { type: 'string', nullable: true } },
          required: ['name'],
          propertyOrdering: ['name'],
        },
        note: { type: 'string', nullable: true },
      },
      description: 'Constraints: additionalProperties: false',
      propertyOrdering: ['who', 'note'],
    });
    expect(result.remaining).toEqual([]);
    expect(result.lost).toEqual([
      {
        path: '/additionalProperties',
        keyword: 'additionalProperties',
        reason: 'not a field of Gemini responseSchema',
      },
    ]);
  });

  it('refuses an exponential inlining of shared definitions instead of hanging', () => {
    const defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i < 60; i++)
      defs[`d${i}`] = {
        type: 'object',
        properties: { l: { $ref: `#/$defs/d${i - 1}` }, r: { $ref: `#/$defs/d${i - 1}` } },
      };
    const schema = { type: 'object', properties: { root: { $ref: '#/$defs/d59' } }, $defs: defs };
    expect(() => toProviderSchema(schema, 'gemini', target)).toThrow(
      expect.objectContaining({ code: 'SCHEMA_TOO_LARGE' }),
    );
    expect(toProviderSchema(schema, 'gemini').remaining).toEqual([]);
  });

  it('cuts recursion and reports it as lost', () => {
    const result = toProviderSchema(
      { type: 'object', properties: { next: { $ref: '#' } } },
      'gemini',
      target,
    );
    expect(result.lost).toEqual([
      expect.objectContaining({ path: '/properties/next/properties/next/$ref', keyword: '$ref' }),
    ]);
    expect(result.remaining).toEqual([]);
  });
});

/** The JSON Schema meaning of an OpenAPI 3.0 schema, for checking provider data with ajv. */
function openApiToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiToJsonSchema);
  if (!isSchemaObject(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'propertyOrdering') continue;
    out[key] = key === 'enum' || key === 'required' ? value : openApiToJsonSchema(value);
  }
  if (schema.nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

describe('toProviderSchema gemini responseSchema round trip (property)', () => {
  const leaf = fc.constantFrom<Schema>(
    { type: 'string' },
    { type: ['integer', 'null'] },
    { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
    { enum: ['a', 'b', null] },
    { $ref: '#/$defs/tag' },
  );
  const schemaArbitrary = fc
    .dictionary(fc.constantFrom('a', 'b', 'c', 'd'), leaf, { maxKeys: 4 })
    .map((properties) => ({
      type: 'object',
      properties,
      $defs: { tag: { type: 'string', minLength: 1 } },
    }));
  const dataFor = (schema: Schema): fc.Arbitrary<unknown> => {
    if (schema.$ref !== undefined) return fc.string({ minLength: 1 });
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
    if (Array.isArray(schema.anyOf)) return fc.option(fc.boolean(), { nil: null });
    if (Array.isArray(schema.type)) return fc.option(fc.integer(), { nil: null });
    return fc.string();
  };

  it('keeps data valid for the original valid for the provider schema, and maps it back unchanged', () => {
    const ajv = new Ajv2020({ strict: false, ownProperties: true });
    fc.assert(
      fc.property(
        schemaArbitrary.chain((schema) =>
          fc.tuple(
            fc.constant(schema),
            fc.record(
              Object.fromEntries(
                Object.entries(schema.properties).map(([k, s]) => [k, dataFor(s)]),
              ),
              { requiredKeys: [] },
            ),
          ),
        ),
        ([schema, data]) => {
          expect(ajv.validate(schema, data)).toBe(true);
          const result = toProviderSchema(schema, 'gemini', target);
          expect(result.remaining).toEqual([]);
          expect(
            ajv.validate(openApiToJsonSchema(result.schema) as Schema, data),
            JSON.stringify(result.schema),
          ).toBe(true);
          expect(fromProviderOutput(data, result)).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });
});
