import { describe, expect, it } from 'vitest';
import { parseSpace } from './parse-space.js';
import { validateConfiguration, validateConfigurationOrThrow } from './validate-configuration.js';
import { VariableSpaceError } from './variable-space-error.js';

const space = parseSpace({
  id: 'chat',
  name: 'Chat',
  variables: [
    { name: 'provider', kind: 'choice', values: ['openai', 'anthropic', 'groq'] },
    { name: 'model', kind: 'choice', values: ['gpt-4o', 'claude', 'llama'] },
    { name: 'reasoning', kind: 'choice', values: ['direct', 'chain_of_thought'] },
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
        { name: 'max_tokens', kind: 'integer', min: 16, max: 4096, step: 16, default: 512 },
      ],
    },
    {
      name: 'beam',
      kind: 'integer',
      min: 1,
      max: 8,
      activeWhen: "reasoning == 'chain_of_thought'",
    },
    { name: 'beam_temp', kind: 'float', min: 0, max: 1 },
    {
      name: 'adapter',
      kind: 'module',
      behaviour: 'adapter',
      implementations: [
        { name: 'chat', behaviours: ['adapter'] },
        { name: 'json', behaviours: ['adapter'] },
      ],
    },
  ],
  dependencies: { beam_temp: ['beam'] },
  constraints: [
    { name: 'groq-model', rule: "provider == 'groq' => model in ['llama']" },
    {
      name: 'cot-cool',
      description: 'chain of thought runs cool',
      rule: "temperature <= 1.0 when reasoning == 'chain_of_thought'",
    },
    { name: 'beam-temp-vs-top-p', rule: { var: 'beam_temp', lte: { var: 'llm.top_p' } } },
  ],
});

describe('validateConfiguration', () => {
  it('fills missing values from defaults and omits inactive variables', () => {
    const result = validateConfiguration(space, {});
    expect(result).toEqual({
      valid: true,
      issues: [],
      config: {
        provider: 'openai',
        model: 'gpt-4o',
        reasoning: 'direct',
        temperature: 0.7,
        llm: { top_p: 1, max_tokens: 512 },
        adapter: 'chat',
      },
    });
  });

  it('takes the default of the matching conditional case', () => {
    const result = validateConfiguration(space, { provider: 'anthropic', model: 'claude' });
    expect(result.config?.temperature).toBe(0.5);
  });

  it('normalises floating-point noise onto the step grid and the precision', () => {
    const result = validateConfiguration(space, { temperature: 0.123456, llm: { top_p: 0.1 * 3 } });
    expect(result.config).toMatchObject({ temperature: 0.12, llm: { top_p: 0.3 } });
  });

  it('reports every problem at once, each with its path and rule', () => {
    const result = validateConfiguration(space, {
      provider: 'azure',
      temperature: '0.5',
      llm: { top_p: 0.35, max_tokens: 20, extra: 1 },
      beam: 2,
      unknown: true,
      adapter: 'xml',
    });
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_variable', 'unknown'],
      ['not_allowed', 'provider'],
      ['invalid_type', 'temperature'],
      ['unknown_variable', 'llm.extra'],
      ['off_step', 'llm.top_p'],
      ['off_step', 'llm.max_tokens'],
      ['inactive_variable', 'beam'],
      ['not_allowed', 'adapter'],
    ]);
    expect(result.issues.every((i) => typeof i.rule === 'string' && i.message.length > 0)).toBe(
      true,
    );
  });

  it('applies the conditional range of the matching case', () => {
    const result = validateConfiguration(space, {
      provider: 'anthropic',
      model: 'claude',
      temperature: 1.5,
    });
    expect(result.issues).toMatchObject([
      { code: 'out_of_range', path: 'temperature', rule: '0 <= value <= 1' },
    ]);
    expect(validateConfiguration(space, { provider: 'openai', temperature: 1.5 }).valid).toBe(true);
  });

  it('reports cross-variable constraint violations by name', () => {
    const result = validateConfiguration(space, {
      provider: 'groq',
      model: 'gpt-4o',
      reasoning: 'chain_of_thought',
      temperature: 1.5,
      beam: 2,
    });
    expect(result.issues).toMatchObject([
      { code: 'constraint_violated', rule: 'groq-model' },
      {
        code: 'constraint_violated',
        rule: 'cot-cool',
        message: 'violates constraint "cot-cool": chain of thought runs cool',
      },
    ]);
  });

  it('compares two variables in a constraint', () => {
    const cot = { reasoning: 'chain_of_thought', temperature: 0.5, beam_temp: 0.5 };
    const result = validateConfiguration(space, { ...cot, llm: { top_p: 0.3 } });
    expect(result.issues).toMatchObject([
      { code: 'constraint_violated', path: 'beam_temp', rule: 'beam-temp-vs-top-p' },
    ]);
    expect(validateConfiguration(space, { ...cot, llm: { top_p: 0.6 } }).valid).toBe(true);
  });

  it('skips constraints whose variables are inactive', () => {
    expect(validateConfiguration(space, { reasoning: 'direct' }).valid).toBe(true);
  });

  it('rejects a value whose dependency is inactive', () => {
    const result = validateConfiguration(space, { reasoning: 'direct', beam_temp: 0.5 });
    expect(result.issues).toMatchObject([
      { code: 'dependency_inactive', path: 'beam_temp', rule: 'dependencies' },
    ]);
    const active = validateConfiguration(space, {
      reasoning: 'chain_of_thought',
      temperature: 0.5,
      beam_temp: 0.5,
    });
    expect(active.config).toMatchObject({ beam: 1, beam_temp: 0.5 });
  });

  it('throws invalid_configuration with the issues from the OrThrow variant', () => {
    expect(() => validateConfigurationOrThrow(space, { provider: 'x' })).toThrowError(
      VariableSpaceError,
    );
    try {
      validateConfigurationOrThrow(space, { provider: 'x' });
    } catch (error) {
      expect((error as VariableSpaceError).code).toBe('invalid_configuration');
      expect((error as VariableSpaceError).issues[0]!.path).toBe('provider');
    }
    expect(validateConfigurationOrThrow(space, {}).provider).toBe('openai');
  });
});

describe('validateConfiguration on hostile input', () => {
  it.each([null, 1, 'x', [], undefined])('rejects %p as a configuration', (config) => {
    expect(validateConfiguration(space, config).issues[0]!.code).toBe('invalid_type');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects %p as a number',
    (value) => {
      expect(validateConfiguration(space, { temperature: value }).issues[0]!.code).toBe(
        'not_finite',
      );
    },
  );

  it('rejects a __proto__ key without polluting prototypes', () => {
    const result = validateConfiguration(
      space,
      JSON.parse('{"__proto__": {"polluted": 1}, "llm": {"__proto__": 2}}'),
    );
    expect(result.issues.map((i) => i.path)).toEqual(['__proto__', 'llm.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read inherited properties as values', () => {
    const config = Object.create({ provider: 'groq' }) as Record<string, unknown>;
    expect(validateConfiguration(space, config).config?.provider).toBe('openai');
  });

  it('caps the issues for a configuration with 200,000 unknown keys', () => {
    const config: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) config[`k${i}`] = i;
    expect(validateConfiguration(space, config).issues.length).toBe(100);
  });

  it('answers a 10 MB string with a short message', () => {
    const result = validateConfiguration(space, { provider: 'x'.repeat(10_000_000) });
    expect(result.issues[0]!.code).toBe('not_allowed');
    expect(result.issues[0]!.message.length).toBeLessThan(300);
  });

  it('turns a throwing getter into a VariableSpaceError', () => {
    const config = {};
    Object.defineProperty(config, 'provider', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(() => validateConfiguration(space, config)).toThrowError(VariableSpaceError);
  });

  it('rejects a space that is not a space', () => {
    expect(() => validateConfiguration({ id: 1 } as never, {})).toThrowError(VariableSpaceError);
  });
});
