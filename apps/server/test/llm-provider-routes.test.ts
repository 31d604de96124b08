import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, send } from './helpers.js';

const open = { type: 'object', properties: { answer: { type: 'string' } } };
const answerSchema = {
  type: 'object',
  properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
  required: ['answer', 'confidence'],
  additionalProperties: false,
};

describe('LLM provider and output routes', () => {
  let app: Hono;
  let registry: Registry;
  beforeEach(async () => {
    ({ app, registry } = await createTestApp());
  });
  afterEach(() => registry.close());

  it('lints an inline schema for OpenAI with rule, path, message, fix and severity', async () => {
    const { status, json } = await send(app, 'POST', '/api/v1/llm/lint', {
      schema: open,
      provider: 'openai',
    });
    expect(status).toBe(200);
    expect(json.ok).toBe(false);
    expect(json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'openai/required-all',
          path: '/properties/answer',
          severity: 'error',
          fix: expect.any(String),
          message: expect.any(String),
        }),
      ]),
    );
  });

  it('lints a registered schema by subject and answers its id', async () => {
    const registered = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'qa',
      schema: answerSchema,
    });
    const { status, json } = await send(app, 'POST', '/api/v1/llm/lint', {
      subject: 'qa',
      version: 'latest',
      provider: 'openai',
    });
    expect(status).toBe(200);
    expect(json).toEqual({
      ok: true,
      provider: 'openai',
      issues: [],
      schema_id: registered.json.id,
    });
  });

  it('answers 400 UNKNOWN_PROVIDER with the allowed providers', async () => {
    const { status, json } = await send(app, 'POST', '/api/v1/llm/lint', {
      schema: open,
      provider: 'mistral',
    });
    expect(status).toBe(400);
    expect(json.error_code).toBe('UNKNOWN_PROVIDER');
    expect((json.details as { allowed: string[] }).allowed).toContain('gemini');
  });

  it('answers 404 for an unknown subject and 400 without any schema', async () => {
    const missing = await send(app, 'POST', '/api/v1/llm/provider-schema', {
      subject: 'nobody',
      provider: 'openai',
    });
    expect(missing.status).toBe(404);
    const none = await send(app, 'POST', '/api/v1/llm/lint', { provider: 'openai' });
    expect([none.status, none.json.error_code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('transforms a schema for OpenAI with its changes and lost constraints', async () => {
    const { status, json } = await send(app, 'POST', '/api/v1/llm/provider-schema', {
      schema: { ...open, properties: { answer: { type: 'string', format: 'email' } } },
      provider: 'openai',
    });
    expect(status).toBe(200);
    expect(json.schema).toMatchObject({ additionalProperties: false, required: ['answer'] });
    expect((json.changes as unknown[]).length).toBeGreaterThan(0);
    expect(json.remaining).toEqual([]);
  });

  it('parses a fenced, damaged reply against a registered schema', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'qa', schema: answerSchema });
    const { status, json } = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: 'Here:\n```json\n{"answer": "42", "confidence": "0.9",}\n```',
      coerce: true,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ valid: true, data: { answer: '42', confidence: 0.9 } });
    expect((json.repairs as { kind: string }[]).map((r) => r.kind)).toEqual([
      'extract',
      'syntax',
      'coerce',
    ]);
    expect(json.repair_prompt).toBeUndefined();
  });

  it('answers an invalid reply as valid:false with a code and a repair prompt', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'qa', schema: answerSchema });
    const noJson = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: 'I do not know.',
    });
    expect(noJson.status).toBe(200);
    expect(noJson.json).toMatchObject({ valid: false, code: 'OUTPUT_NO_JSON' });
    const wrong = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: '{"answer": 1}',
    });
    expect(wrong.json).toMatchObject({ valid: false, code: 'OUTPUT_SCHEMA_MISMATCH' });
    expect(wrong.json.repair_prompt).toContain('"/confidence"');
  });

  it('refuses a reply over 1,000,000 characters with 413', async () => {
    await send(app, 'POST', '/api/v1/schemas', { subject: 'qa', schema: answerSchema });
    const { status, json } = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: 'a'.repeat(1_000_001),
    });
    expect([status, json.error_code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers lint warnings on registration, and refuses in enforce mode with 422', async () => {
    const warned = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'qa',
      schema: open,
      lint_for: ['openai'],
    });
    expect(warned.status).toBe(201);
    expect(warned.json.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ provider: 'openai', severity: 'error' })]),
    );
    const refused = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'qa2',
      schema: open,
      lint_for: ['openai'],
      lint_mode: 'enforce',
    });
    expect([refused.status, refused.json.error_code]).toEqual([422, 'PROVIDER_LINT_FAILED']);
    expect((refused.json.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect((await send(app, 'GET', '/api/v1/subjects/qa2/versions')).status).toBe(404);
    const badMode = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'qa3',
      schema: open,
      lint_mode: 'strict',
    });
    expect(badMode.status).toBe(400);
  });

  it('answers no warnings field when the registration asked for no lint', async () => {
    const { json } = await send(app, 'POST', '/api/v1/schemas', { subject: 'qa', schema: open });
    expect('warnings' in json).toBe(false);
  });

  it('answers hostile input with bounded work: deep schemas and deep replies', async () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 2_000; i++) deep = { type: 'object', properties: { a: deep } };
    const lint = await send(app, 'POST', '/api/v1/llm/lint', { schema: deep, provider: 'openai' });
    expect(lint.status).toBe(200);
    expect((lint.json.issues as { rule: string }[]).map((i) => i.rule)).toContain(
      'openai/schema-too-large',
    );
    const transform = await send(app, 'POST', '/api/v1/llm/provider-schema', {
      schema: deep,
      provider: 'openai',
    });
    expect([transform.status, transform.json.error_code]).toEqual([422, 'INVALID_SCHEMA']);
    await send(app, 'POST', '/api/v1/schemas', { subject: 'qa', schema: answerSchema });
    const reply = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ valid: false, code: 'OUTPUT_TOO_DEEP' });
  });

  it('refuses a schema given as text that is not JSON, and a text that is not a string', async () => {
    const schemaText = await send(app, 'POST', '/api/v1/llm/lint', {
      schema: '{"type": ',
      provider: 'openai',
    });
    expect([schemaText.status, schemaText.json.error_code]).toEqual([422, 'INVALID_SCHEMA']);
    const notText = await send(app, 'POST', '/api/v1/llm/parse-output', {
      subject: 'qa',
      text: 42,
    });
    expect([notText.status, notText.json.error_code]).toEqual([400, 'INVALID_INPUT']);
  });
});
