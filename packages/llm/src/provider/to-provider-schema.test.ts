import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromProviderOutput, toProviderData } from './map-provider-output.ts';
import type { Provider } from './providers.ts';
import { toProviderSchema } from './to-provider-schema.ts';

type Schema = Record<string, unknown>;

function ajv(): Ajv2020 {
  // ownProperties: without it ajv sees the inherited `constructor` as a present property.
  return new Ajv2020({ strict: false, allErrors: true, ownProperties: true });
}

describe('toProviderSchema for OpenAI', () => {
  const original: Schema = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 },
      age: { type: 'integer', minimum: 0 },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      kind: { oneOf: [{ const: 'a' }, { const: 'b' }] },
      note: { type: ['string', 'null'] },
    },
    required: ['name'],
  };

  it('closes every object and makes optional properties required and nullable', () => {
    const result = toProviderSchema(original, 'openai');
    expect(result.schema.additionalProperties).toBe(false);
    expect(result.schema.required).toEqual(['name', 'age', 'tags', 'kind', 'note']);
    const properties = result.schema.properties as Record<string, Schema>;
    expect(properties.age).toEqual({ type: ['integer', 'null'], minimum: 0 });
    expect(properties.kind).toEqual({
      anyOf: [{ anyOf: [{ const: 'a' }, { const: 'b' }] }, { type: 'null' }],
    });
    expect(result.mapping.nullableOptional).toEqual({ '': ['age', 'tags', 'kind'] });
  });

  it('moves unsupported keywords into the description and reports them as lost', () => {
    const result = toProviderSchema(original, 'openai');
    const tags = (result.schema.properties as Record<string, Schema>).tags!;
    expect(tags.description).toBe('Constraints: uniqueItems: true');
    expect(result.lost).toEqual(
      expect.arrayContaining([
        {
          path: '/properties/tags/uniqueItems',
          keyword: 'uniqueItems',
          reason: expect.any(String),
        },
        {
          path: '/properties/kind/anyOf/0/oneOf',
          keyword: 'oneOf',
          reason: expect.stringContaining('anyOf'),
        },
        { path: '/properties/note', keyword: 'required', reason: expect.stringContaining('null') },
      ]),
    );
    expect(result.changes).toContainEqual({
      path: '/properties/tags/uniqueItems',
      change: 'moved "uniqueItems" into "description"',
    });
  });

  it('produces a schema the OpenAI lint accepts, without changing the input', () => {
    const before = JSON.stringify(original);
    const result = toProviderSchema(original, 'openai');
    expect(result.remaining).toEqual([]);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('maps null back to absent only for properties that were optional and not nullable', () => {
    const result = toProviderSchema(original, 'openai');
    const output = { name: 'Ada', age: null, tags: null, kind: 'a', note: null };
    expect(fromProviderOutput(output, result)).toEqual({ name: 'Ada', kind: 'a', note: null });
  });

  it('wraps a non-object root and maps it back', () => {
    const result = toProviderSchema(
      { type: 'array', items: { type: 'integer' }, $defs: { x: { type: 'string' } } },
      'openai',
    );
    expect(result.schema).toMatchObject({
      type: 'object',
      properties: { value: { type: 'array', items: { type: 'integer' } } },
      required: ['value'],
      additionalProperties: false,
      $defs: { x: { type: 'string' } },
    });
    expect(fromProviderOutput({ value: [1, 2] }, result)).toEqual([1, 2]);
    expect(toProviderData([3], result)).toEqual({ value: [3] });
    expect(() => fromProviderOutput({ other: 1 }, result)).toThrow(
      expect.objectContaining({ code: 'OUTPUT_SHAPE_MISMATCH' }),
    );
  });

  it('rewrites root references after wrapping a root anyOf', () => {
    const result = toProviderSchema(
      { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#' } }] },
      'openai',
    );
    const value = (result.schema.properties as Record<string, Schema>).value!;
    expect((value.anyOf as Schema[])[1]).toEqual({
      type: 'array',
      items: { $ref: '#/properties/value' },
    });
    expect(result.remaining).toEqual([]);
  });

  it('keeps recursive definitions and transforms them once', () => {
    const tree: Schema = {
      type: 'object',
      properties: { root: { $ref: '#/$defs/node' } },
      required: ['root'],
      $defs: {
        node: {
          type: 'object',
          properties: {
            label: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
          required: ['label'],
        },
      },
    };
    const result = toProviderSchema(tree, 'openai');
    expect(result.remaining).toEqual([]);
    const data = { root: { label: 'a', children: [{ label: 'b' }] } };
    const provided = toProviderData(data, result);
    expect(provided).toEqual({ root: { label: 'a', children: [{ label: 'b', children: null }] } });
    expect(ajv().validate(result.schema, provided)).toBe(true);
    expect(fromProviderOutput(provided, result)).toEqual(data);
  });

  it('moves more keywords for fine-tuned models', () => {
    const result = toProviderSchema(
      { type: 'object', properties: { a: { type: 'string', maxLength: 3 } }, required: ['a'] },
      'openai',
      { fineTuned: true },
    );
    expect(result.lost.map((l) => l.keyword)).toEqual(['maxLength']);
  });

  it('keeps a "__proto__" property name as a plain key in schema and data', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
    const result = toProviderSchema(schema, 'openai');
    const properties = result.schema.properties as Schema;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    const provided = toProviderData({}, result) as Schema;
    expect(Object.hasOwn(provided, '__proto__')).toBe(true);
    expect(fromProviderOutput(JSON.parse('{"__proto__":"x"}'), result)).toEqual(
      JSON.parse('{"__proto__":"x"}'),
    );
    expect(fromProviderOutput(provided, result)).toEqual({});
  });

  it('throws on a cyclic object graph and on an unknown provider', () => {
    const schema: Schema = { type: 'object', properties: {} };
    (schema.properties as Schema).self = schema;
    expect(() => toProviderSchema(schema, 'openai')).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEMA' }),
    );
    expect(() => toProviderSchema({}, 'x' as Provider)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROVIDER' }),
    );
  });

  it('refuses a schema with more subschemas than the bound', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`p${i}`, { type: 'string' }]),
    );
    expect(() =>
      toProviderSchema({ type: 'object', properties }, 'openai', { maxNodes: 100 }),
    ).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_LARGE' }));
  });
});

describe('toProviderSchema for other providers', () => {
  it('Anthropic: closes objects, keeps optional properties, moves numeric bounds', () => {
    const result = toProviderSchema(
      { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 5 } } },
      'anthropic',
    );
    expect(result.schema).toEqual({
      type: 'object',
      properties: { n: { type: 'integer', description: 'Constraints: minimum: 1; maximum: 5' } },
      additionalProperties: false,
    });
    expect(result.remaining).toEqual([]);
    expect(fromProviderOutput({ n: 3 }, result)).toEqual({ n: 3 });
  });

  it('Anthropic: recursion cannot be kept and stays in remaining', () => {
    const result = toProviderSchema(
      { type: 'object', properties: { next: { $ref: '#' } } },
      'anthropic',
    );
    expect(result.remaining.map((i) => i.rule)).toEqual(['anthropic/recursion']);
  });

  it('Gemini: turns const into enum, splits $ref siblings and adds propertyOrdering', () => {
    const result = toProviderSchema(
      {
        type: 'object',
        properties: { b: { const: 'x' }, a: { $ref: '#/$defs/s', description: 'an s' } },
        $defs: { s: { type: 'string', minLength: 2 } },
      },
      'gemini',
    );
    expect(result.schema).toEqual({
      type: 'object',
      properties: {
        b: { enum: ['x'] },
        a: { description: 'an s', anyOf: [{ $ref: '#/$defs/s' }] },
      },
      $defs: { s: { type: 'string', description: 'Constraints: minLength: 2' } },
      propertyOrdering: ['b', 'a'],
    });
    expect(result.remaining).toEqual([]);
  });
});

/** Arbitrary JSON Schemas of the shapes LLM apps use, with optional properties and unsupported keywords. */
const schemaArbitrary: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema; object: Schema }>(
  (tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant({ type: 'string' }),
      fc.constant({ type: 'string', minLength: 1, maxLength: 20 }),
      fc.constant({ type: 'integer', minimum: -5, maximum: 50 }),
      fc.constant({ type: 'number' }),
      fc.constant({ type: 'boolean' }),
      fc.constant({ enum: ['red', 'green', 'blue'] }),
      fc.constant({ type: ['string', 'null'] }),
      fc.constant({ oneOf: [{ type: 'integer' }, { type: 'boolean' }] }),
      tie('schema').map((items) => ({ type: 'array', items, maxItems: 4 })),
      tie('object'),
    ),
    object: fc
      .uniqueArray(
        fc.tuple(
          fc.constantFrom('a', 'b', 'c', 'd', 'e', 'constructor', 'x y'),
          tie('schema'),
          fc.boolean(),
        ),
        {
          maxLength: 4,
          selector: ([name]) => name,
        },
      )
      .map((entries) => ({
        type: 'object',
        properties: Object.fromEntries(entries.map(([name, schema]) => [name, schema])),
        required: entries.filter(([, , required]) => required).map(([name]) => name),
      })),
  }),
).schema;

/** Data valid for a schema produced by {@link schemaArbitrary}. */
function dataFor(schema: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.oneOf)) return fc.oneof(fc.integer(), fc.boolean());
  const type = schema.type;
  if (Array.isArray(type)) return fc.option(fc.string(), { nil: null });
  switch (type) {
    case 'string':
      return fc.string({ minLength: 1, maxLength: 20 });
    case 'integer':
      return fc.integer({ min: -5, max: 50 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(dataFor(schema.items as Schema), { maxLength: 4 });
    default: {
      const properties = schema.properties as Record<string, Schema>;
      const required = new Set(schema.required as string[]);
      const entries = Object.keys(properties).map((name) =>
        fc.tuple(
          fc.constant(name),
          required.has(name)
            ? dataFor(properties[name]!)
            : fc.option(dataFor(properties[name]!), { nil: undefined }),
        ),
      );
      return fc.tuple(...entries).map((pairs) => {
        const out: Record<string, unknown> = {};
        for (const [name, value] of pairs) {
          if (value !== undefined)
            Object.defineProperty(out, name, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            });
        }
        return out;
      });
    }
  }
}

describe('toProviderSchema round trip (property)', () => {
  for (const provider of ['openai', 'azure-openai', 'anthropic', 'gemini'] as const) {
    it(`${provider}: original-valid data maps to provider-valid data and back unchanged`, () => {
      const validator = ajv();
      fc.assert(
        fc.property(
          schemaArbitrary.chain((schema) => fc.tuple(fc.constant(schema), dataFor(schema))),
          ([schema, data]) => {
            // Optional properties that also accept null map null back to null, by design.
            fc.pre(!JSON.stringify(schema).includes('"null"'));
            expect(validator.validate(schema, data)).toBe(true);
            const result = toProviderSchema(schema, provider);
            const provided = toProviderData(data, result);
            expect(
              validator.validate(result.schema, provided),
              JSON.stringify(validator.errors),
            ).toBe(true);
            expect(fromProviderOutput(provided, result)).toEqual(data);
            // Size limits (Azure: 5 levels) are not transformable; everything else must be fixed.
            const sizes = /\/max-(nesting-depth|properties)$/;
            expect(result.remaining.filter((issue) => !sizes.test(issue.rule))).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
