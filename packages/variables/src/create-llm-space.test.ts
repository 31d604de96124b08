import { describe, expect, it } from 'vitest';
import { createLlmSpace } from './create-llm-space.js';
import { describeSpace } from './describe-space.js';
import { providerVariable } from './ml-variables.js';
import { sample } from './sample.js';
import { validateConfiguration } from './validate-configuration.js';

describe('createLlmSpace', () => {
  const space = createLlmSpace();

  it('holds the ready-made LLM variables', () => {
    expect(space.variables.map((v) => v.name)).toEqual([
      'provider',
      'model',
      'adapter',
      'reasoning',
      'temperature',
      'max_tokens',
      'top_p',
    ]);
    expect(validateConfiguration(space, {}).config).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      adapter: 'chat',
      reasoning: 'direct',
      temperature: 0.7,
      max_tokens: 1024,
      top_p: 1,
    });
    expect(describeSpace(space)).toMatchObject({ variables: 7, continuousDimensions: 2 });
  });

  it('keeps models compatible with their provider', () => {
    expect(
      validateConfiguration(space, { provider: 'groq', model: 'gpt-4o' }).issues,
    ).toMatchObject([{ code: 'constraint_violated', rule: 'model-for-groq' }]);
    for (const config of sample(space, { count: 300, seed: 11 })) {
      if (config.provider === 'groq')
        expect(['llama-3.3-70b', 'mixtral-8x7b']).toContain(config.model);
      if (config.provider === 'anthropic')
        expect(config.temperature as number).toBeLessThanOrEqual(1);
      if (config.reasoning === 'chain_of_thought')
        expect(config.temperature as number).toBeLessThanOrEqual(1);
    }
  });

  it('limits the Anthropic temperature to 0..1', () => {
    expect(
      validateConfiguration(space, {
        provider: 'anthropic',
        model: 'claude-sonnet',
        temperature: 1.5,
      }).issues,
    ).toMatchObject([{ code: 'out_of_range', path: 'temperature' }]);
  });

  it('carries cost and performance weights in the provider metadata', () => {
    expect(providerVariable().metadata).toMatchObject({
      weights: { groq: { cost: 0.2, performance: 0.7 } },
    });
  });

  it('takes custom providers and models', () => {
    const custom = createLlmSpace({
      providers: [{ name: 'local', cost: 0, performance: 0.3 }],
      models: [{ name: 'tiny', provider: 'local' }],
    });
    expect(validateConfiguration(custom, {}).config).toMatchObject({
      provider: 'local',
      model: 'tiny',
    });
  });

  it.each([
    ['providers that are not an array', { providers: 'openai' }, 'providers'],
    [
      'a provider with a NaN cost',
      { providers: [{ name: 'x', cost: Number.NaN, performance: 1 }] },
      'providers[0].cost',
    ],
    [
      'a provider named __proto__',
      { providers: [{ name: '__proto__', cost: 1, performance: 1 }] },
      'providers[0].name',
    ],
    ['no models', { models: [] }, 'models'],
    [
      'a model with a 10 MB name',
      { models: [{ name: 'x'.repeat(10_000_000), provider: 'openai' }] },
      'models[0].name',
    ],
  ])('rejects %s with a VariableSpaceError', (_, options, path) => {
    expect(() => createLlmSpace(options as never)).toThrowError(
      expect.objectContaining({ name: 'VariableSpaceError', path }),
    );
  });

  it('rejects options that are not an object', () => {
    expect(() => createLlmSpace(null as never)).toThrowError(
      expect.objectContaining({ name: 'VariableSpaceError' }),
    );
  });
});
