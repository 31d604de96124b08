import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, send } from './helpers.js';

const PATH = '/api/v1/llm/signatures/compile';

describe('POST /api/v1/llm/signatures/compile', () => {
  let app: Hono;
  let registry: Registry;
  beforeEach(async () => {
    ({ app, registry } = await createTestApp());
  });
  afterEach(() => registry.close());

  it('compiles a DSPy signature to input and output schemas and prompt fields', async () => {
    const { status, json } = await send(app, 'POST', PATH, {
      signature: 'context: list[str], question: str -> answer: str, confidence: float',
    });
    expect(status).toBe(200);
    expect(json.name).toBe('signature');
    expect(json.instructions).toBe(
      'Given the fields `context`, `question`, produce the fields `answer`, `confidence`.',
    );
    expect(json.input_schema).toMatchObject({
      type: 'object',
      properties: { context: { type: 'array', items: { type: 'string' } } },
      required: ['context', 'question'],
      additionalProperties: false,
    });
    expect(json.output_schema).toMatchObject({ required: ['answer', 'confidence'] });
    expect((json.fields as { name: string; prefix: string }[]).map((f) => f.prefix)).toEqual([
      'Context:',
      'Question:',
      'Answer:',
      'Confidence:',
    ]);
  });

  it('answers an output schema with ML types that registers and validates as is', async () => {
    const compiled = await send(app, 'POST', PATH, {
      signature: 'signature rank: :string query -> :embedding vector, :probability p',
    });
    expect(compiled.status).toBe(200);
    const registered = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'rank-output',
      schema: compiled.json.output_schema,
    });
    expect(registered.status).toBe(201);
    const schemaId = (registered.json as unknown as { id: number }).id;
    const check = (data: unknown) =>
      send(app, 'POST', '/api/v1/validate/data', { schema_id: schemaId, data });
    expect((await check({ vector: [0.1, 0.2], p: 0.5 })).json.valid).toBe(true);
    expect((await check({ vector: [0.1, 0.2], p: 1.5 })).json.valid).toBe(false);
  });

  it('inlines the ML types on request', async () => {
    const { json } = await send(app, 'POST', PATH, {
      signature: 'q -> p: float',
      inline_ml_types: true,
    });
    expect(json.output_schema).toMatchObject({ properties: { p: { type: 'number' } } });
    const ml = await send(app, 'POST', PATH, {
      signature: 'signature s: :string q -> :probability p',
      inline_ml_types: true,
    });
    expect(JSON.stringify(ml.json.output_schema)).not.toContain('https://llmsr.dev/ml-types/');
  });

  it('reads the JSON form of a signature', async () => {
    const { status, json } = await send(app, 'POST', PATH, {
      signature: {
        name: 'qa',
        instructions: 'Answer briefly.',
        inputs: [{ name: 'question', role: 'input', type: { kind: 'string' } }],
        outputs: [{ name: 'answer', role: 'output', type: { kind: 'string' } }],
      },
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ name: 'qa', instructions: 'Answer briefly.' });
  });

  it('answers a syntax error with 400 SIGNATURE_SYNTAX, its line, column and what was expected', async () => {
    const { status, json } = await send(app, 'POST', PATH, {
      signature: 'question: str\n  answer: str',
    });
    expect(status).toBe(400);
    expect(json.error_code).toBe('SIGNATURE_SYNTAX');
    expect(json.details).toEqual({
      signatureCode: 'SIGNATURE_SYNTAX',
      line: 2,
      column: 3,
      expected: ["'{'", 'description string', "','", "'->'"],
    });
  });

  it('answers an unknown type with 422 SIGNATURE_UNKNOWN_TYPE naming it and the known ones', async () => {
    const { status, json } = await send(app, 'POST', PATH, {
      signature: 'question -> answer: strng',
    });
    expect(status).toBe(422);
    expect(json.error_code).toBe('SIGNATURE_UNKNOWN_TYPE');
    const details = json.details as { typeName: string; known: string[]; line: number };
    expect(details.typeName).toBe('strng');
    expect(details.known).toContain('str');
    expect(details.line).toBe(1);
  });

  it('answers other broken rules with 422 INVALID_SIGNATURE and the precise code', async () => {
    const { status, json } = await send(app, 'POST', PATH, { signature: 'a -> a' });
    expect(status).toBe(422);
    expect(json.error_code).toBe('INVALID_SIGNATURE');
    expect((json.details as { signatureCode: string }).signatureCode).toBe(
      'SIGNATURE_DUPLICATE_FIELD',
    );
  });

  it('refuses a body over 64 KB with 413', async () => {
    const { status, json } = await send(app, 'POST', PATH, {
      signature: `q -> ${'a'.repeat(70_000)}`,
    });
    expect(status).toBe(413);
    expect(json.error_code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['a number', { signature: 42 }],
    ['null', { signature: null }],
    ['an array', { signature: ['q -> a'] }],
    ['a missing field', {}],
    ['a non-object body', '"q -> a"'],
    ['malformed JSON', '{"signature": "q -> a"'],
  ])('refuses %s with 400 INVALID_INPUT', async (_, body) => {
    const { status, json } = await send(app, 'POST', PATH, body);
    expect(status).toBe(400);
    expect(json.error_code).toBe('INVALID_INPUT');
  });

  it('survives hostile nesting in the text and in the JSON form', async () => {
    const deepText = await send(app, 'POST', PATH, {
      signature: `q -> a: ${'list['.repeat(5_000)}str${']'.repeat(5_000)}`,
    });
    expect(deepText.status).toBe(422);
    expect((deepText.json.details as { signatureCode: string }).signatureCode).toBe(
      'SIGNATURE_TOO_DEEP',
    );
    // Deep JSON: refused before or by the signature reader, never a crash.
    const deepJson = `{"signature":{"name":"x","inputs":[],"outputs":[{"name":"a","role":"output","type":${'{"kind":"list","items":'.repeat(2_000)}{"kind":"string"}${'}'.repeat(2_000)}}]}}`;
    const nested = await send(app, 'POST', PATH, deepJson);
    expect([400, 422]).toContain(nested.status);
    expect(['INVALID_INPUT', 'INVALID_SIGNATURE']).toContain(nested.json.error_code);
  });
});
