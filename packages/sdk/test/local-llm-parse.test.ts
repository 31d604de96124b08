import { compileOutputValidator, parseModelOutput, repairPrompt } from '@llmsr/llm';
import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from '../src/index.js';
import { countingFetch, startTestServer } from './start-test-server.js';

// The SDK README's in-process pattern: fetch the schema once, then parse every reply with
// @llmsr/llm and no request per reply.
let server: RunningServer;
let client: RegistryClient;
let counter: ReturnType<typeof countingFetch>;

beforeAll(async () => {
  server = await startTestServer();
  counter = countingFetch();
  client = createRegistryClient({
    baseUrl: `http://127.0.0.1:${server.port}`,
    transport: 'rest',
    fetch: counter.fetch,
  });
  await client.register({
    subject: 'answer',
    schema: {
      type: 'object',
      properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
      required: ['answer', 'confidence'],
    },
  });
});
afterAll(() => server.close());

describe('parsing model replies in-process against a fetched schema', () => {
  it('agrees with the server and sends no request per reply', async () => {
    const { schema } = await client.getVersion('answer', 'latest');
    const validate = compileOutputValidator(schema);
    const before = counter.calls.length;
    const replies = [
      'Sure:\n```json\n{"answer": "42", "confidence": "0.9",}\n```',
      '{"answer": 42}',
      'I cannot say.',
    ];
    const local = replies.map((text) => parseModelOutput(text, schema, { validate, coerce: true }));
    expect(counter.calls.length).toBe(before);
    expect(local.map((r) => r.valid)).toEqual([true, false, false]);
    expect(repairPrompt(local[1] as (typeof local)[number])).toContain('"/answer": must be string');
    for (const [i, text] of replies.entries()) {
      const remote = await client.parseOutput({ subject: 'answer', text, coerce: true });
      expect({ valid: remote.valid, data: remote.data, code: remote.code }).toEqual({
        valid: local[i]?.valid,
        data: local[i]?.data,
        code: local[i]?.code,
      });
    }
  });
});
