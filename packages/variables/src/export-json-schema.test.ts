import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from './export-json-schema.js';
import { parseSpace } from './parse-space.js';
import { validateConfiguration } from './validate-configuration.js';

const space = parseSpace({
  id: 's',
  name: 'Chat',
  description: 'A chat program',
  variables: [
    {
      name: 'provider',
      kind: 'choice',
      values: ['openai', 'anthropic', 'groq'],
      description: 'Provider',
    },
    { name: 'model', kind: 'choice', values: ['gpt', 'claude', 'llama'] },
    { name: 'reasoning', kind: 'choice', values: ['direct', 'cot'] },
    {
      name: 'temperature',
      kind: 'conditional',
      cases: [
        {
          when: "provider == 'anthropic'",
          domain: { kind: 'float', min: 0, max: 1, default: 0.5 },
        },
      ],
      fallback: { kind: 'float', min: 0, max: 2, default: 0.7 },
    },
    {
      name: 'llm',
      kind: 'composite',
      variables: [
        { name: 'top_p', kind: 'float', min: 0, max: 1, step: 0.1, default: 1 },
        { name: 'offset', kind: 'float', min: 0.05, max: 0.95, step: 0.1, default: 0.05 },
        { name: 'tokens', kind: 'integer', min: 16, max: 4096, step: 16, default: 512 },
        { name: 'seed', kind: 'integer', min: 1, max: 100_000, step: 7 },
        { name: 'beam', kind: 'integer', min: 1, max: 4, activeWhen: "reasoning == 'cot'" },
      ],
    },
    { name: 'adapter', kind: 'module', implementations: ['chat', 'json'] },
  ],
  constraints: [
    { name: 'groq-model', rule: "provider == 'groq' => model in ['llama']" },
    { name: 'cot-cool', rule: "temperature <= 1.0 when reasoning == 'cot'" },
    { name: 'two-vars', rule: 'llm.top_p >= llm.offset' },
  ],
});

const exported = exportJsonSchema(space);
const validate = new Ajv(exported.ajvOptions).compile(exported.schema);
const valid = {
  provider: 'openai',
  model: 'gpt',
  reasoning: 'direct',
  temperature: 0.7,
  llm: { top_p: 0.3, offset: 0.25, tokens: 512, seed: 8 },
  adapter: 'chat',
};

describe('exportJsonSchema', () => {
  it('exports ranges, enums, steps, required, defaults and descriptions', () => {
    const { schema } = exported;
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Chat',
      description: 'A chat program',
      type: 'object',
      additionalProperties: false,
      required: ['provider', 'model', 'reasoning', 'temperature', 'llm', 'adapter'],
      properties: {
        provider: {
          enum: ['openai', 'anthropic', 'groq'],
          default: 'openai',
          description: 'Provider',
        },
        adapter: { type: 'string', enum: ['chat', 'json'], default: 'chat' },
        llm: {
          type: 'object',
          additionalProperties: false,
          required: ['top_p', 'offset', 'tokens', 'seed'],
          properties: {
            top_p: { type: 'number', minimum: 0, maximum: 1, multipleOf: 0.1, default: 1 },
            tokens: { type: 'integer', minimum: 16, maximum: 4096, multipleOf: 16 },
          },
        },
      },
    });
  });

  it('lists a grid offset from zero as an enum when it is small', () => {
    const offset = (
      exported.schema.properties as Record<string, Record<string, Record<string, unknown>>>
    ).llm!.properties!.offset as { enum: number[] };
    expect(offset.enum).toEqual([0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]);
  });

  it('lists what JSON Schema cannot express', () => {
    expect(exported.unexpressed).toEqual([
      { path: 'llm.seed', rule: 'step 7 from 1', reason: expect.any(String) },
      { path: 'constraints.two-vars', rule: 'two-vars', reason: 'the rule compares two variables' },
    ]);
  });

  it('asks ajv for multipleOfPrecision because 0.3 is not a float multiple of 0.1', () => {
    expect(exported.ajvOptions).toEqual({ multipleOfPrecision: 9 });
    const strict = new Ajv().compile(exported.schema);
    expect(strict(valid)).toBe(false);
    expect(validate(valid)).toBe(true);
  });

  // Missing keys are invalid for the schema (it describes complete configurations) but
  // validateConfiguration fills them from defaults.
  it.each([
    ['an unknown provider', { provider: 'azure' }, true],
    ['a model groq does not serve', { provider: 'groq', model: 'gpt' }, true],
    [
      'a temperature above the anthropic range',
      { provider: 'anthropic', model: 'claude', temperature: 1.5 },
      true,
    ],
    [
      'a hot chain of thought',
      { reasoning: 'cot', temperature: 1.5, llm: { ...valid.llm, beam: 1 } },
      true,
    ],
    ['a beam when reasoning is direct', { llm: { ...valid.llm, beam: 2 } }, true],
    ['an off-step top_p', { llm: { ...valid.llm, top_p: 0.35 } }, true],
    ['an extra key', { extra: 1 }, true],
    ['no beam when reasoning is cot', { reasoning: 'cot' }, false],
    ['a missing key', { adapter: undefined }, false],
  ])('rejects %s', (_, patch, validatorRejects) => {
    const config = JSON.parse(JSON.stringify({ ...valid, ...patch }));
    expect(validate(config)).toBe(false);
    expect(validateConfiguration(space, config).valid).toBe(!validatorRejects);
  });

  it('accepts what validateConfiguration accepts', () => {
    expect(validate(valid)).toBe(true);
    const anthropic = { ...valid, provider: 'anthropic', model: 'claude', temperature: 0.9 };
    expect(validate(anthropic)).toBe(true);
    const cot = { ...valid, reasoning: 'cot', temperature: 0.9, llm: { ...valid.llm, beam: 3 } };
    expect(validate(cot)).toBe(true);
    expect(validateConfiguration(space, cot).valid).toBe(true);
  });

  it('rejects something that is not a space', () => {
    expect(() => exportJsonSchema([] as never)).toThrowError(
      expect.objectContaining({ code: 'invalid_type' }),
    );
  });

  it('can list fractional step values as an enum for validators without a multipleOf tolerance', () => {
    const portable = exportJsonSchema(space, { fractionalSteps: 'enum' });
    expect(portable.ajvOptions).toEqual({});
    const llm = (
      portable.schema.properties as Record<string, { properties: Record<string, unknown> }>
    ).llm!;
    expect(llm.properties.top_p).toMatchObject({
      enum: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    });
    expect(llm.properties.tokens).toMatchObject({ multipleOf: 16 });
    expect(new Ajv().compile(portable.schema)(valid)).toBe(true);
  });

  it('rejects bad export options', () => {
    expect(() => exportJsonSchema(space, { fractionalSteps: 'x' as never })).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => exportJsonSchema(space, null as never)).toThrowError(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });
});
