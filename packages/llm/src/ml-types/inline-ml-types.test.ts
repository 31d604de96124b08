import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ML_TYPE_KEYWORDS } from './add-ml-types.js';
import { embeddingSchema } from './embedding-schema.js';
import { inlineMlTypes } from './inline-ml-types.js';
import { ML_TYPE_NAMES, mlTypeId, mlTypeNameOf } from './ml-type-ids.js';

/** ajv with the ML keywords but none of the ML schemas: only self-contained schemas compile. */
function keywordsOnlyAjv() {
  const ajv = new Ajv2020({ allErrors: true });
  for (const keyword of ML_TYPE_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

describe('mlTypeNameOf', () => {
  it.each([
    ['https://llmsr.dev/ml-types/embedding.json', 'embedding'],
    ['https://llmsr.dev/ml-types/tool_call.json#', 'tool_call'],
    ['https://llmsr.dev/ml-types/unknown.json', undefined],
    ['https://llmsr.dev/ml-types/embedding', undefined],
    ['https://llmsr.dev/ml-types/embedding.json#/items', undefined],
    ['#/$defs/embedding', undefined],
    ['http://llmsr.dev/ml-types/embedding.json', undefined],
  ])('%s -> %s', (ref, name) => {
    expect(mlTypeNameOf(ref)).toBe(name);
  });

  it('round-trips every id', () => {
    for (const name of ML_TYPE_NAMES) expect(mlTypeNameOf(mlTypeId(name))).toBe(name);
  });
});

describe('inlineMlTypes', () => {
  it('makes a schema self-contained with the same verdicts', () => {
    const schema = {
      type: 'object',
      properties: {
        v: embeddingSchema({ dimension: 2, unitNorm: true }),
        r: { $ref: mlTypeId('model_response') },
        p: { type: 'array', items: { $ref: mlTypeId('probability') } },
      },
    };
    const inlined = inlineMlTypes(schema);
    expect(JSON.stringify(inlined)).not.toContain('https://llmsr.dev');
    expect(Object.keys(inlined.$defs as object).sort()).toEqual([
      'llmsr_ml_embedding',
      'llmsr_ml_model_response',
      'llmsr_ml_probability',
      'llmsr_ml_tool_call',
    ]);
    const validate = keywordsOnlyAjv().compile(inlined);
    const good = {
      v: [0.6, 0.8],
      r: { content: null, role: 'assistant', tool_calls: [{ name: 'f', arguments: {} }] },
      p: [0.1],
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, v: [1, 1] })).toBe(false);
    expect(
      validate({ ...good, r: { ...good.r, tool_calls: [{ name: 'a.b', arguments: {} }] } }),
    ).toBe(false);
    expect(validate({ ...good, p: [2] })).toBe(false);
  });

  it('leaves the input unchanged and schemas without ML refs as plain copies', () => {
    const schema = { type: 'object', properties: { p: { $ref: mlTypeId('probability') } } };
    const before = JSON.stringify(schema);
    inlineMlTypes(schema);
    expect(JSON.stringify(schema)).toBe(before);
    const plain = { type: 'string', $ref: '#/$defs/x', $defs: { x: { type: 'string' } } };
    expect(inlineMlTypes(plain)).toEqual(plain);
  });

  it('merges into existing $defs and refuses a conflicting entry', () => {
    const schema = { $ref: mlTypeId('probability'), $defs: { other: { type: 'string' } } };
    expect(Object.keys(inlineMlTypes(schema).$defs as object)).toEqual([
      'other',
      'llmsr_ml_probability',
    ]);
    expect(() =>
      inlineMlTypes({ $ref: mlTypeId('probability'), $defs: { llmsr_ml_probability: {} } }),
    ).toThrow(RangeError);
  });

  it('keeps a property named __proto__ as a property', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"$ref":"https://llmsr.dev/ml-types/probability.json"}}}',
    );
    const inlined = inlineMlTypes(schema);
    const properties = inlined.properties as object;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });

  it('refuses a hostile schema nested deeper than 256 levels', () => {
    let deep: object = { $ref: mlTypeId('probability') };
    for (let i = 0; i < 10_000; i++) deep = { items: deep };
    expect(() => inlineMlTypes(deep as Record<string, unknown>)).toThrow(RangeError);
  });
});
