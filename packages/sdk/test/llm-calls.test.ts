import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient, RegistryClientError } from '../src/index.js';
import { startTestServer } from './start-test-server.js';

let server: RunningServer;
let client: RegistryClient;

const open = { type: 'object', properties: { answer: { type: 'string' } } };
const answerSchema = {
  type: 'object',
  properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
  required: ['answer', 'confidence'],
  additionalProperties: false,
};

beforeAll(async () => {
  server = await startTestServer();
  client = createRegistryClient({ baseUrl: `http://127.0.0.1:${server.port}`, transport: 'rest' });
  await client.register({ subject: 'qa-answer', schema: answerSchema });
});
afterAll(() => server.close());

describe('the LLM calls against a real server', () => {
  it('lints an inline schema and reads each issue in camelCase', async () => {
    const result = await client.lintForProvider({ schema: open, provider: 'openai' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'openai/required-all', path: '/properties/answer' }),
      ]),
    );
  });

  it('lints a registered schema by subject and answers its schema id', async () => {
    const result = await client.lintForProvider({ subject: 'qa-answer', provider: 'anthropic' });
    expect(result.ok).toBe(true);
    expect(result.schemaId).toEqual(expect.any(Number));
  });

  it('reports an unknown provider as UNKNOWN_PROVIDER with status 400', async () => {
    const error = await client
      .lintForProvider({ schema: open, provider: 'llama' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'UNKNOWN_PROVIDER', status: 400 });
  });

  it('transforms a schema and keeps the schema keys as the server sent them', async () => {
    const schema = {
      type: 'object',
      properties: { snake_case_field: { type: 'string' } },
    };
    const result = await client.providerSchema({ schema, provider: 'openai' });
    expect(Object.keys(result.schema.properties as object)).toEqual(['snake_case_field']);
    expect(result.schema.required).toEqual(['snake_case_field']);
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it('parses a reply and keeps the data keys as the model wrote them', async () => {
    await client.register({
      subject: 'snake',
      schema: { type: 'object', properties: { user_name: { type: 'string' } } },
    });
    const result = await client.parseOutput({
      subject: 'snake',
      text: 'Result:\n```json\n{"user_name": "ada",}\n```',
    });
    expect(result).toMatchObject({ valid: true, data: { user_name: 'ada' } });
    expect(result.repairs.map((r) => r.kind)).toEqual(['extract', 'syntax']);
  });

  it('answers an invalid reply with valid:false, a code and a repair prompt', async () => {
    const result = await client.parseOutput({ subject: 'qa-answer', text: '{"answer": "x"}' });
    expect(result.valid).toBe(false);
    expect(result.code).toBe('OUTPUT_SCHEMA_MISMATCH');
    expect(result.repairPrompt).toContain('"/confidence"');
  });

  it('coerces scalars when asked', async () => {
    const text = '{"answer": "x", "confidence": "0.5"}';
    expect((await client.parseOutput({ subject: 'qa-answer', text })).valid).toBe(false);
    const coerced = await client.parseOutput({ subject: 'qa-answer', text, coerce: true });
    expect(coerced).toMatchObject({ valid: true, data: { confidence: 0.5 } });
  });

  it('answers lint warnings on register and refuses in enforce mode', async () => {
    const warned = await client.register({
      subject: 'lint-warn',
      schema: open,
      lintFor: ['openai'],
    });
    expect(warned.warnings?.[0]).toMatchObject({ provider: 'openai', severity: 'error' });
    const error = await client
      .register({ subject: 'lint-enforce', schema: open, lintFor: ['openai'], lintMode: 'enforce' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_LINT_FAILED', status: 422 });
  });

  it('fails over Connect with NOT_SUPPORTED_BY_TRANSPORT without a request', async () => {
    const connect = createRegistryClient({ baseUrl: 'http://127.0.0.1:1', transport: 'connect' });
    await expect(connect.parseOutput({ subject: 's', text: '{}' })).rejects.toMatchObject({
      code: 'NOT_SUPPORTED_BY_TRANSPORT',
    });
    await expect(
      connect.register({ subject: 's', schema: {}, lintFor: ['openai'] }),
    ).rejects.toMatchObject({ code: 'NOT_SUPPORTED_BY_TRANSPORT' });
  });
});
