import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addMlTypes } from './add-ml-types.js';
import { embeddingSchema } from './embedding-schema.js';
import { ML_TYPE_NAMES, type MlTypeName, mlTypeId } from './ml-type-ids.js';
import { ML_TYPE_SCHEMAS } from './ml-type-schemas.js';
import { tensorSchema } from './tensor-schema.js';

const ajv = addMlTypes(new Ajv2020({ allErrors: true, strict: true }));
const ref = (name: MlTypeName) => ({ $ref: mlTypeId(name) });

interface Case {
  name: string;
  schema: object;
  data: unknown;
  valid: boolean;
  keyword?: string;
}

const CASES: Case[] = [
  { name: 'a 3-d embedding', schema: ref('embedding'), data: [0.1, -2, 3], valid: true },
  {
    name: 'an empty embedding',
    schema: ref('embedding'),
    data: [],
    valid: false,
    keyword: 'minItems',
  },
  {
    name: 'an embedding with a string',
    schema: ref('embedding'),
    data: [1, 'x'],
    valid: false,
    keyword: 'type',
  },
  {
    name: 'an embedding with NaN',
    schema: ref('embedding'),
    data: [1, Number.NaN],
    valid: false,
    keyword: 'type',
  },
  {
    name: 'an embedding with Infinity',
    schema: ref('embedding'),
    data: [Number.POSITIVE_INFINITY],
    valid: false,
    keyword: 'type',
  },
  {
    name: 'a 3-d embedding where 4 are required',
    schema: embeddingSchema({ dimension: 4 }),
    data: [1, 2, 3],
    valid: false,
    keyword: 'minItems',
  },
  {
    name: 'a 5-d embedding where 4 are required',
    schema: embeddingSchema({ dimension: 4 }),
    data: [1, 2, 3, 4, 5],
    valid: false,
    keyword: 'maxItems',
  },
  {
    name: 'a unit vector',
    schema: embeddingSchema({ dimension: 2, unitNorm: true }),
    data: [0.6, 0.8],
    valid: true,
  },
  {
    name: 'a vector of norm 2 where unit norm is required',
    schema: embeddingSchema({ unitNorm: true }),
    data: [1.2, 1.6],
    valid: false,
    keyword: 'x-unit-norm',
  },
  {
    name: 'a nearly unit vector within a loose tolerance',
    schema: embeddingSchema({ unitNorm: { tolerance: 0.01 } }),
    data: [0.6, 0.805],
    valid: true,
  },
  {
    name: 'a nearly unit vector outside the default tolerance',
    schema: embeddingSchema({ unitNorm: true }),
    data: [0.6, 0.805],
    valid: false,
    keyword: 'x-unit-norm',
  },
  {
    name: 'a zero vector where unit norm is required',
    schema: embeddingSchema({ unitNorm: true }),
    data: [0, 0],
    valid: false,
    keyword: 'x-unit-norm',
  },
  { name: 'probability 0', schema: ref('probability'), data: 0, valid: true },
  { name: 'probability 1', schema: ref('probability'), data: 1, valid: true },
  {
    name: 'probability 1.01',
    schema: ref('probability'),
    data: 1.01,
    valid: false,
    keyword: 'maximum',
  },
  {
    name: 'probability -0.1',
    schema: ref('probability'),
    data: -0.1,
    valid: false,
    keyword: 'minimum',
  },
  {
    name: 'probability as a string',
    schema: ref('probability'),
    data: '0.5',
    valid: false,
    keyword: 'type',
  },
  { name: 'confidence 0.87', schema: ref('confidence_score'), data: 0.87, valid: true },
  {
    name: 'confidence 87 (a percentage)',
    schema: ref('confidence_score'),
    data: 87,
    valid: false,
    keyword: 'maximum',
  },
  { name: 'string tokens', schema: ref('token_list'), data: ['Hel', 'lo'], valid: true },
  { name: 'token ids', schema: ref('token_list'), data: [15496, 11], valid: true },
  { name: 'an empty token list', schema: ref('token_list'), data: [], valid: true },
  {
    name: 'mixed strings and ids',
    schema: ref('token_list'),
    data: ['a', 1],
    valid: false,
    keyword: 'anyOf',
  },
  {
    name: 'a negative token id',
    schema: ref('token_list'),
    data: [-1],
    valid: false,
    keyword: 'anyOf',
  },
  {
    name: 'a 2x3 tensor',
    schema: ref('tensor'),
    data: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] },
    valid: true,
  },
  {
    name: 'a scalar tensor (empty shape, one value)',
    schema: ref('tensor'),
    data: { shape: [], data: [7] },
    valid: true,
  },
  {
    name: 'a tensor with a zero dimension and no data',
    schema: ref('tensor'),
    data: { shape: [0, 4], data: [] },
    valid: true,
  },
  {
    name: 'a 2x3 tensor with 5 values',
    schema: ref('tensor'),
    data: { shape: [2, 3], data: [1, 2, 3, 4, 5] },
    valid: false,
    keyword: 'x-tensor-shape',
  },
  {
    name: 'a tensor with a negative dimension',
    schema: ref('tensor'),
    data: { shape: [-1], data: [] },
    valid: false,
    keyword: 'minimum',
  },
  {
    name: 'a tensor with an unknown dtype',
    schema: ref('tensor'),
    data: { shape: [1], data: [1], dtype: 'float8' },
    valid: false,
    keyword: 'enum',
  },
  {
    name: 'a tensor with an extra member',
    schema: ref('tensor'),
    data: { shape: [1], data: [1], name: 'x' },
    valid: false,
    keyword: 'additionalProperties',
  },
  {
    name: 'a scalar tensor where a scalar is required',
    schema: tensorSchema({ shape: [] }),
    data: { shape: [], data: [3] },
    valid: true,
  },
  {
    name: 'a vector where a scalar is required',
    schema: tensorSchema({ shape: [] }),
    data: { shape: [1], data: [3] },
    valid: false,
    keyword: 'maxItems',
  },
  {
    name: 'a 2x3 tensor where [2, 3] is required',
    schema: tensorSchema({ shape: [2, 3] }),
    data: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] },
    valid: true,
  },
  {
    name: 'a 3x2 tensor where [2, 3] is required',
    schema: tensorSchema({ shape: [2, 3] }),
    data: { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] },
    valid: false,
    keyword: 'const',
  },
  {
    name: 'a 2x5 tensor where [2, null] is required',
    schema: tensorSchema({ shape: [2, null] }),
    data: { shape: [2, 5], data: Array(10).fill(0) },
    valid: true,
  },
  {
    name: 'a rank-3 tensor where rank 2 is required',
    schema: tensorSchema({ shape: [2, null] }),
    data: { shape: [2, 1, 1], data: [0, 0] },
    valid: false,
    keyword: 'maxItems',
  },
  {
    name: 'a tensor without dtype where float32 is required',
    schema: tensorSchema({ dtype: 'float32' }),
    data: { shape: [1], data: [1] },
    valid: false,
    keyword: 'required',
  },
  {
    name: 'a reasoning chain of two steps',
    schema: ref('reasoning_chain'),
    data: [
      { step: 1, reasoning: 'a' },
      { step: 2, reasoning: 'b' },
    ],
    valid: true,
  },
  {
    name: 'a reasoning chain out of order',
    schema: ref('reasoning_chain'),
    data: [
      { step: 2, reasoning: 'b' },
      { step: 1, reasoning: 'a' },
    ],
    valid: false,
    keyword: 'x-sequential-steps',
  },
  {
    name: 'a reasoning chain skipping a step',
    schema: ref('reasoning_chain'),
    data: [
      { step: 1, reasoning: 'a' },
      { step: 3, reasoning: 'c' },
    ],
    valid: false,
    keyword: 'x-sequential-steps',
  },
  {
    name: 'an empty reasoning chain',
    schema: ref('reasoning_chain'),
    data: [],
    valid: false,
    keyword: 'minItems',
  },
  {
    name: 'a step without reasoning',
    schema: ref('reasoning_chain'),
    data: [{ step: 1 }],
    valid: false,
    keyword: 'required',
  },
  {
    name: 'a tool call',
    schema: ref('tool_call'),
    data: { id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
    valid: true,
  },
  {
    name: 'a tool call with string arguments',
    schema: ref('tool_call'),
    data: { name: 'f', arguments: '{}' },
    valid: false,
    keyword: 'type',
  },
  {
    name: 'a tool call with a dotted name',
    schema: ref('tool_call'),
    data: { name: 'a.b', arguments: {} },
    valid: false,
    keyword: 'pattern',
  },
  {
    name: 'a model response',
    schema: ref('model_response'),
    data: {
      content: 'Hi',
      role: 'assistant',
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      finish_reason: 'stop',
    },
    valid: true,
  },
  {
    name: 'a model response that only calls a tool',
    schema: ref('model_response'),
    data: {
      content: null,
      role: 'assistant',
      tool_calls: [{ name: 'f', arguments: {} }],
      finish_reason: 'tool_calls',
    },
    valid: true,
  },
  {
    name: 'a model response with a bad tool call',
    schema: ref('model_response'),
    data: { content: null, role: 'assistant', tool_calls: [{ name: 'f' }] },
    valid: false,
    keyword: 'required',
  },
  {
    name: 'a model response with an unknown finish reason',
    schema: ref('model_response'),
    data: { content: '', role: 'assistant', finish_reason: 'done' },
    valid: false,
    keyword: 'enum',
  },
  {
    name: 'a model response with negative usage',
    schema: ref('model_response'),
    data: { content: '', role: 'assistant', usage: { prompt_tokens: -1, completion_tokens: 0 } },
    valid: false,
    keyword: 'minimum',
  },
  {
    name: 'a model response without a role',
    schema: ref('model_response'),
    data: { content: 'x' },
    valid: false,
    keyword: 'required',
  },
];

describe('ML type schemas', () => {
  it.each(CASES)('$name is valid: $valid', ({ schema, data, valid, keyword }) => {
    const validate = ajv.compile(schema);
    expect(validate(data)).toBe(valid);
    if (keyword) expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  it('every type has a stable $id under the base and the 2020-12 dialect', () => {
    expect(Object.keys(ML_TYPE_SCHEMAS).sort()).toEqual(ML_TYPE_NAMES.map(mlTypeId).sort());
    for (const [id, schema] of Object.entries(ML_TYPE_SCHEMAS)) {
      expect(schema.$id).toBe(id);
      expect(id).toMatch(/^https:\/\/llmsr\.dev\/ml-types\/[a-z_]+\.json$/);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('every schema passes the draft 2020-12 meta-schema in strict mode once the keywords are added', () => {
    const strict = addMlTypes(new Ajv2020({ strict: true }));
    for (const schema of Object.values(ML_TYPE_SCHEMAS))
      expect(strict.validateSchema(schema), JSON.stringify(strict.errors)).toBe(true);
  });

  it('a registered schema can $ref an ML type from a property', () => {
    const validate = ajv.compile({
      type: 'object',
      properties: {
        vector: embeddingSchema({ dimension: 2 }),
        p: { $ref: mlTypeId('probability') },
      },
    });
    expect(validate({ vector: [1, 2], p: 0.5 })).toBe(true);
    expect(validate({ vector: [1, 2], p: 2 })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/p');
  });

  it('the sequential-steps error points at the offending step', () => {
    const validate = ajv.compile(ref('reasoning_chain'));
    validate([
      { step: 1, reasoning: 'a' },
      { step: 5, reasoning: 'b' },
    ]);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'x-sequential-steps',
      params: { index: 1, expected: 2, actual: 5 },
    });
  });

  it('the schemas are frozen so no consumer can change a shared type', () => {
    const schema = ML_TYPE_SCHEMAS[mlTypeId('probability')] as Record<string, unknown>;
    expect(() => {
      schema.maximum = 2;
    }).toThrow(TypeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %s in embeddings and tensors even with strictNumbers off',
    (value) => {
      const lax = addMlTypes(new Ajv2020({ strict: false }));
      expect(lax.validate(ref('embedding'), [1, value])).toBe(false);
      expect(lax.validate(ref('tensor'), { shape: [1], data: [value] })).toBe(false);
      expect(lax.validate(ref('embedding'), [1, -1e308, 1e308])).toBe(true);
    },
  );

  it('addMlTypes is idempotent on one ajv instance', () => {
    const twice = addMlTypes(addMlTypes(new Ajv2020()));
    expect(twice.validate(ref('probability'), 0.5)).toBe(true);
  });
});

describe('ML type schema factories', () => {
  it.each([
    ['a zero dimension', () => embeddingSchema({ dimension: 0 })],
    ['a fractional dimension', () => embeddingSchema({ dimension: 1.5 })],
    ['a tolerance above 1', () => embeddingSchema({ unitNorm: { tolerance: 2 } })],
    ['a NaN tolerance', () => embeddingSchema({ unitNorm: { tolerance: Number.NaN } })],
    ['a negative tensor dimension', () => tensorSchema({ shape: [2, -1] })],
    ['a 33-dimensional tensor', () => tensorSchema({ shape: Array(33).fill(1) })],
  ])('refuses %s with a RangeError', (_name, make) => {
    expect(make).toThrow(RangeError);
  });
});
