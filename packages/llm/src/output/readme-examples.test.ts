import { describe, expect, it } from 'vitest';
import { lintForProvider } from '../provider/lint-for-provider.ts';
import { fromProviderOutput } from '../provider/map-provider-output.ts';
import { toProviderSchema } from '../provider/to-provider-schema.ts';
import { createStreamingValidator } from './create-streaming-validator.ts';
import { parseModelOutput } from './parse-model-output.ts';
import { repairPrompt } from './repair-prompt.ts';

// The examples of the package README's provider and output sections, run as written.
const schema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name'],
};

describe('README examples', () => {
  it('lints and transforms a schema for OpenAI and maps output back', () => {
    expect(lintForProvider(schema, 'openai').issues.map((i) => i.rule)).toEqual([
      'openai/additional-properties-false',
      'openai/required-all',
    ]);
    const ready = toProviderSchema(schema, 'openai');
    expect(ready.schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: ['integer', 'null'] } },
      required: ['name', 'age'],
      additionalProperties: false,
    });
    expect(ready.changes[0]).toEqual({
      path: '/properties/age',
      change: 'made the optional property required and nullable (null means absent)',
    });
    expect(ready.lost).toEqual([]);
    expect(ready.remaining).toEqual([]);
    expect(fromProviderOutput({ name: 'Ada', age: null }, ready)).toEqual({ name: 'Ada' });
  });

  it('parses, repairs and coerces a fenced reply, and writes a repair prompt', () => {
    const result = parseModelOutput(
      'Here you go:\n```json\n{"name": "Ada", "age": "36",}\n```',
      schema,
      {
        coerce: true,
      },
    );
    expect(result.valid).toBe(true);
    expect(result.data).toEqual({ name: 'Ada', age: 36 });
    expect(result.repairs.map((r) => r.message)).toEqual([
      'took the JSON from a fenced code block',
      'removed a trailing comma',
      'converted "36" to 36 (integer)',
    ]);
    expect(repairPrompt(parseModelOutput('{"age": "x"}', schema))).toBe(
      [
        'Your JSON does not match the required schema. Fix these and reply with only the corrected JSON:',
        '- "/name": add this missing property (string)',
        '- "/age": must be integer (got "x")',
      ].join('\n'),
    );
  });

  it('streams with early violations and a final verdict', () => {
    const stream = createStreamingValidator({
      type: 'object',
      properties: { mood: { enum: ['happy', 'sad'] } },
    });
    expect(stream.push('{"mood": "ha').violation).toBeUndefined();
    expect(stream.push('ngry"').violation).toMatchObject({
      path: '/mood',
      keyword: 'enum',
      expected: 'one of "happy", "sad"',
    });
    expect(stream.end()).toMatchObject({ valid: false });
  });
});
