import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { exportJsonSchema, parseSpace, sample, validateConfiguration } from '../src/index.js';

it('runs the README example as written', () => {
  const space = parseSpace({
    id: 'chat',
    name: 'Chat bot',
    variables: [
      { name: 'provider', kind: 'choice', values: ['openai', 'groq'] },
      { name: 'reasoning', kind: 'choice', values: ['direct', 'chain_of_thought'] },
      { name: 'temperature', kind: 'float', min: 0, max: 2, default: 0.7 },
    ],
    constraints: [
      { name: 'cot-cool', rule: "temperature <= 1.0 when reasoning == 'chain_of_thought'" },
    ],
  });
  const result = validateConfiguration(space, { reasoning: 'chain_of_thought', temperature: 1.5 });
  expect(result).toMatchObject({
    valid: false,
    issues: [{ code: 'constraint_violated', rule: 'cot-cool' }],
  });
  const configs = sample(space, { count: 100, seed: 42, method: 'lhs' });
  expect(configs).toEqual(sample(space, { count: 100, seed: 42, method: 'lhs' }));
  const { schema, unexpressed, ajvOptions } = exportJsonSchema(space);
  expect(unexpressed).toEqual([]);
  const validate = new Ajv(ajvOptions).compile(schema);
  expect(configs.every((c) => validate(c))).toBe(true);
});
