import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, personSchema, send } from './helpers.js';

type Case = [method: string, path: string, body: unknown, status: number, code: string];

describe('hostile and malformed input', () => {
  let app: Hono;
  let registry: Registry;
  beforeAll(async () => {
    ({ app, registry } = await createTestApp({ schemaBytes: 10_000, dataBytes: 50_000 }));
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
  });
  afterAll(() => registry.close());

  const malformed: Case[] = [
    ['POST', '/api/v1/schemas', '{"subject": ', 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/schemas', '', 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/schemas', '[1,2]', 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/schemas', { subject: 5, schema: personSchema }, 400, 'INVALID_INPUT'],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, schema_type: 7 },
      400,
      'INVALID_INPUT',
    ],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, schema_type: 'XML' },
      400,
      'INVALID_INPUT',
    ],
    ['POST', '/api/v1/schemas', { subject: 'x' }, 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/schemas', { subject: 'x', schema: '{not json' }, 422, 'INVALID_SCHEMA'],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, metadata: 'meta' },
      400,
      'INVALID_INPUT',
    ],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, references: {} },
      400,
      'INVALID_INPUT',
    ],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, version: 'one' },
      422,
      'INVALID_VERSION',
    ],
    [
      'POST',
      '/api/v1/schemas',
      { subject: 'x', schema: personSchema, compatibility_level: 'MOST' },
      422,
      'INVALID_COMPATIBILITY_LEVEL',
    ],
    ['POST', '/api/v1/validate/data', '{"data": [', 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/validate/data', { data: {} }, 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/validate/data', { schema_id: true, data: {} }, 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/validate/data', { schema_id: 9999, data: {} }, 404, 'SCHEMA_NOT_FOUND'],
    ['POST', '/api/v1/validate/data', { subject: 'nope', data: {} }, 404, 'SUBJECT_NOT_FOUND'],
    [
      'POST',
      '/api/v1/validate/data',
      { subject: 'people', version: 42, data: {} },
      404,
      'VERSION_NOT_FOUND',
    ],
    [
      'POST',
      '/api/v1/validate/data',
      { subject: 'people', strict: 'yes', data: {} },
      400,
      'INVALID_INPUT',
    ],
    ['POST', '/api/v1/validate/schema', 'nope', 400, 'INVALID_INPUT'],
    ['POST', '/api/v1/compatibility/check', { subject: 'people' }, 400, 'INVALID_INPUT'],
    [
      'POST',
      '/api/v1/compatibility/check',
      { subject: 'people', schema: personSchema, level: 'X' },
      422,
      'INVALID_COMPATIBILITY_LEVEL',
    ],
    [
      'PUT',
      '/api/v1/config',
      { compatibility_level: 'SIDEWAYS' },
      422,
      'INVALID_COMPATIBILITY_LEVEL',
    ],
    ['PUT', '/api/v1/config', {}, 400, 'INVALID_INPUT'],
    ['PUT', '/api/v1/config/people', { mode: 9 }, 400, 'INVALID_INPUT'],
    ['GET', '/api/v1/schemas/999999', undefined, 404, 'SCHEMA_NOT_FOUND'],
    ['GET', '/api/v1/schemas/not-a-guid', undefined, 404, 'SCHEMA_NOT_FOUND'],
    ['GET', '/api/v1/schemas/99999999999999999999999', undefined, 404, 'SCHEMA_NOT_FOUND'],
    ['GET', '/api/v1/subjects/nope/versions', undefined, 404, 'SUBJECT_NOT_FOUND'],
    ['GET', '/api/v1/subjects/people/versions/7', undefined, 404, 'VERSION_NOT_FOUND'],
    ['GET', '/api/v1/subjects/people/versions/abc', undefined, 422, 'INVALID_VERSION'],
    ['GET', '/api/v1/subjects/people/versions/0', undefined, 422, 'INVALID_VERSION'],
    ['DELETE', '/api/v1/subjects/nope/versions/1', undefined, 404, 'SUBJECT_NOT_FOUND'],
    ['DELETE', '/api/v1/subjects/nope', undefined, 404, 'SUBJECT_NOT_FOUND'],
    ['GET', '/api/v1/subjects/a%2Fb%2Fc/versions', undefined, 404, 'SUBJECT_NOT_FOUND'],
    [
      'GET',
      `/api/v1/subjects/${encodeURIComponent('üñíçødé ✓')}/versions`,
      undefined,
      404,
      'SUBJECT_NOT_FOUND',
    ],
    ['GET', `/api/v1/subjects/${'x'.repeat(10_000)}/versions`, undefined, 404, 'SUBJECT_NOT_FOUND'],
    ['GET', '/api/v1/subjects/%E0%A4%A/versions', undefined, 404, 'SUBJECT_NOT_FOUND'],
    ['GET', '/api/v1/nowhere', undefined, 404, 'ROUTE_NOT_FOUND'],
    ['PATCH', '/api/v1/schemas', undefined, 404, 'ROUTE_NOT_FOUND'],
  ];

  it.each(malformed)(
    '%s %s answers a JSON error with a stable code',
    async (method, path, body, status, code) => {
      const response = await send(app, method, path, body);
      expect(response.json.error_code).toBe(code);
      expect(response.status).toBe(status);
      expect(typeof response.json.message).toBe('string');
    },
  );

  it('answers 413 for a schema body over the limit and for a data body over the limit', async () => {
    const bigSchema = {
      subject: 'big',
      schema: { type: 'object', description: 'x'.repeat(20_000) },
    };
    const schemaResponse = await send(app, 'POST', '/api/v1/schemas', bigSchema);
    expect(schemaResponse.status).toBe(413);
    expect(schemaResponse.json.error_code).toBe('PAYLOAD_TOO_LARGE');
    const bigData = { subject: 'people', data: { name: 'y'.repeat(60_000) } };
    const dataResponse = await send(app, 'POST', '/api/v1/validate/data', bigData);
    expect(dataResponse.status).toBe(413);
  });

  it('answers 413 without buffering a streamed body that lies about its length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++)
          controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const response = await app.request('/api/v1/schemas', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers a validate payload nested 100,000 levels deep with a JSON error and keeps serving', async () => {
    const deep = `{"subject":"people","data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { app: bigApp, registry: bigRegistry } = await createTestApp();
    await send(bigApp, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const response = await send(bigApp, 'POST', '/api/v1/validate/data', deep);
    expect(response.status).toBeLessThan(500);
    expect(response.json.error_code ?? response.json.valid).toBeDefined();
    const health = await send(bigApp, 'GET', '/health');
    expect(health.status).toBe(200);
    await bigRegistry.close();
  });

  it('answers a schema nested 10,000 levels deep with INVALID_SCHEMA', async () => {
    const { app: bigApp, registry: bigRegistry } = await createTestApp();
    const deep = `{"subject":"deep","schema":${'{"items":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`;
    const response = await send(bigApp, 'POST', '/api/v1/schemas', deep);
    expect(response.status).toBe(422);
    expect(response.json.error_code).toBe('INVALID_SCHEMA');
    await bigRegistry.close();
  });
});
