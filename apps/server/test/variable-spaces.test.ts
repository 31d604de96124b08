import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, send } from './helpers.js';

const chat = {
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
};

describe('variable space routes', () => {
  let app: Hono;
  let registry: Registry;
  beforeEach(async () => {
    ({ app, registry } = await createTestApp());
  });
  afterEach(() => registry.close());

  it('creates, lists, fetches and deletes a space', async () => {
    const created = await send(app, 'POST', '/api/v1/variable-spaces', chat);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'chat', version: 1 });
    const list = await send(app, 'GET', '/api/v1/variable-spaces');
    expect((list.json as unknown as { id: string }[]).map((s) => s.id)).toEqual(['chat']);
    const one = await send(app, 'GET', '/api/v1/variable-spaces/chat');
    expect((one.json.space as { name: string }).name).toBe('Chat bot');
    expect((await send(app, 'DELETE', '/api/v1/variable-spaces/chat')).status).toBe(200);
    expect((await send(app, 'GET', '/api/v1/variable-spaces/chat')).status).toBe(404);
  });

  it('refuses a duplicate id with 409 and updates only with the version read', async () => {
    await send(app, 'POST', '/api/v1/variable-spaces', chat);
    const duplicate = await send(app, 'POST', '/api/v1/variable-spaces', chat);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error_code).toBe('CONFLICT');
    const renamed = { ...chat, name: 'Chat bot 2' };
    const stale = await send(app, 'PUT', '/api/v1/variable-spaces/chat', {
      space: renamed,
      expected_version: 7,
    });
    expect(stale.status).toBe(409);
    const ok = await send(app, 'PUT', '/api/v1/variable-spaces/chat', {
      space: renamed,
      expected_version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.json.version).toBe(2);
  });

  it('validates configurations: defaults filled when valid, every issue when not', async () => {
    await send(app, 'POST', '/api/v1/variable-spaces', chat);
    const valid = await send(app, 'POST', '/api/v1/variable-spaces/chat/validate', {
      configuration: { provider: 'groq', reasoning: 'direct' },
    });
    expect(valid.json).toMatchObject({ valid: true, configuration: { temperature: 0.7 } });
    const invalid = await send(app, 'POST', '/api/v1/variable-spaces/chat/validate', {
      configuration: {
        provider: 'nope',
        reasoning: 'chain_of_thought',
        temperature: 1.5,
        extra: 1,
      },
    });
    expect(invalid.json.valid).toBe(false);
    const codes = (invalid.json.issues as { code: string }[]).map((i) => i.code).sort();
    expect(codes).toEqual(['constraint_violated', 'not_allowed', 'unknown_variable']);
  });

  it('samples reproducibly with a seed, every sample valid', async () => {
    await send(app, 'POST', '/api/v1/variable-spaces', chat);
    const a = await send(app, 'POST', '/api/v1/variable-spaces/chat/sample', {
      count: 20,
      seed: 7,
    });
    const b = await send(app, 'POST', '/api/v1/variable-spaces/chat/sample', {
      count: 20,
      seed: 7,
    });
    expect(a.json.count).toBe(20);
    expect(a.json.configurations).toEqual(b.json.configurations);
    for (const configuration of a.json.configurations as Record<string, unknown>[]) {
      const check = await send(app, 'POST', '/api/v1/variable-spaces/chat/validate', {
        configuration,
      });
      expect(check.json.valid).toBe(true);
    }
  });

  it('exports the space as a JSON Schema that the registry can store', async () => {
    await send(app, 'POST', '/api/v1/variable-spaces', chat);
    const exported = await send(app, 'GET', '/api/v1/variable-spaces/chat/json-schema');
    expect(exported.status).toBe(200);
    const registered = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'chat-config',
      schema: exported.json.schema,
    });
    expect(registered.status).toBe(201);
  });

  it('answers hostile input with 4xx JSON errors', async () => {
    const bad: [string, string, unknown, number][] = [
      ['POST', '/api/v1/variable-spaces', '{"id":', 400],
      ['POST', '/api/v1/variable-spaces', { id: 'x', name: 'x', variables: 'no' }, 400],
      [
        'POST',
        '/api/v1/variable-spaces',
        { id: 'x', name: 'x', variables: [{ name: 't', kind: 'float', min: 2, max: 1 }] },
        400,
      ],
      ['POST', '/api/v1/variable-spaces', { __proto__: { polluted: true }, id: 'p' }, 400],
      ['GET', '/api/v1/variable-spaces/missing', undefined, 404],
      ['POST', '/api/v1/variable-spaces/missing/validate', { configuration: {} }, 404],
      ['POST', '/api/v1/variable-spaces/chat/sample', { count: 1e9 }, 400],
      ['POST', '/api/v1/variable-spaces/chat/sample', { count: 'many' }, 400],
      ['PUT', '/api/v1/variable-spaces/chat', { space: chat, expected_version: 'x' }, 400],
    ];
    await send(app, 'POST', '/api/v1/variable-spaces', chat);
    for (const [method, path, body, status] of bad) {
      const response = await send(app, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(typeof response.json.error_code).toBe('string');
    }
  });
});

describe('exported schemas with fractional steps', () => {
  it('accept every step value once registered in the registry', async () => {
    const { app, registry } = await createTestApp();
    const stepped = {
      id: 'stepped',
      name: 'Stepped',
      variables: [{ name: 'temperature', kind: 'float', min: 0, max: 1, step: 0.1 }],
    };
    await send(app, 'POST', '/api/v1/variable-spaces', stepped);
    const exported = await send(app, 'GET', '/api/v1/variable-spaces/stepped/json-schema');
    const registered = await send(app, 'POST', '/api/v1/schemas', {
      subject: 'stepped',
      schema: exported.json.schema,
    });
    for (const temperature of [0, 0.1, 0.3, 0.7, 1]) {
      const result = await send(app, 'POST', '/api/v1/validate/data', {
        schema_id: registered.json.id,
        data: { temperature },
      });
      expect(result.json.valid, String(temperature)).toBe(true);
    }
    const off = await send(app, 'POST', '/api/v1/validate/data', {
      schema_id: registered.json.id,
      data: { temperature: 0.35 },
    });
    expect(off.json.valid).toBe(false);
    await registry.close();
  });
});
