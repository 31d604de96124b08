import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startLocalServer } from '../../test/local-server.js';
import { createInlineSchemaResolver } from '../create-inline-schema-resolver.js';
import { createRunner } from '../create-runner.js';
import { createHandlerRegistry } from '../handler-registry.js';
import { createBuiltinHandlers } from './create-builtin-handlers.js';

const answerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['answer', 'confidence'],
  properties: {
    answer: { type: 'string' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
};

describe('llm.chat against a local OpenAI-compatible server', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let replies: string[] = [];
  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url !== '/v1/chat/completions') return json(res, 404, {});
      const content = replies.shift() ?? '{}';
      json(res, 200, {
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      });
    });
  });
  afterAll(() => server.close());

  function setup() {
    const handlers = createHandlerRegistry(
      createBuiltinHandlers({ llm: { baseUrl: `${server.url}/v1`, env: { TEST_KEY: 'sk-test' } } }),
    );
    const resolver = createInlineSchemaResolver({ 'qa.answer': { 1: answerSchema } });
    return createRunner({ handlers, resolver });
  }

  const definition = {
    id: 'qa',
    stages: [
      {
        id: 'prompt',
        handler: 'json.transform',
        config: { expression: '{"messages": [{"role": "user", "content": question}]}' },
      },
      {
        id: 'ask',
        handler: 'llm.chat',
        config: {
          model: 'test-model',
          api_key_env: 'TEST_KEY',
          system: 'Answer briefly.',
          temperature: 0,
        },
        output_schema: { subject: 'qa.answer', version: 1 },
        retry: { maxAttempts: 2, initialIntervalMs: 1 },
      },
    ],
    connections: [{ from: 'prompt', to: 'ask' }],
  };

  it('sends a json_schema response_format built from the output schema, and returns the parsed reply', async () => {
    replies = ['{"answer": "42", "confidence": 0.9}'];
    const run = await setup().run(definition, { question: 'meaning of life?' });
    expect(run).toMatchObject({ status: 'succeeded', output: { answer: '42', confidence: 0.9 } });
    const request = server.seen.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(JSON.parse(request.body)).toEqual({
      model: 'test-model',
      temperature: 0,
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'meaning of life?' },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'qa_answer', schema: answerSchema, strict: true },
      },
    });
  });

  it('retries a reply that does not match the output schema, naming the path', async () => {
    replies = ['{"answer": "42", "confidence": 7}', '{"answer": "42", "confidence": 1}'];
    const events: string[] = [];
    const run = await setup().run(
      definition,
      { question: 'q' },
      { onEvent: (e) => e.type === 'stage_retried' && events.push(e.error.message) },
    );
    expect(run.status).toBe('succeeded');
    expect(events).toEqual([
      expect.stringContaining('stage ask output does not match qa.answer@1 at /confidence'),
    ]);
  });

  it('fails on a reply that is not JSON after its retries', async () => {
    replies = ['not json', 'still not'];
    const run = await setup().run(definition, { question: 'q' });
    expect(run.stages[1]).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: { type: 'LLM_OUTPUT_NOT_JSON' },
    });
  });

  it('returns the reply text when the stage has no output schema, and refuses keys in definitions', async () => {
    replies = ['plain words'];
    const runner = setup();
    const plain = await runner.run(
      { id: 'p', stages: [{ id: 'a', handler: 'llm.chat', config: { model: 'm' } }] },
      'hello',
    );
    expect(plain.output).toBe('plain words');
    expect(JSON.parse(server.seen.at(-1)!.body).response_format).toBeUndefined();
    // Refused when the definition is validated, with the stage and the config path.
    await expect(
      runner.run(
        {
          id: 'p',
          stages: [{ id: 'a', handler: 'llm.chat', config: { model: 'm', api_key: 'sk-live' } }],
        },
        'hello',
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_PIPELINE',
      details: {
        problems: [
          expect.objectContaining({
            rule: 'invalid_config',
            stageId: 'a',
            path: '/stages/0/config/api_key',
          }),
        ],
      },
    });
    const unset = await runner.run(
      {
        id: 'p',
        stages: [{ id: 'a', handler: 'llm.chat', config: { model: 'm', api_key_env: 'NOPE' } }],
      },
      'hello',
    );
    expect(unset.error?.message).toContain('NOPE is not set');
  });
});
