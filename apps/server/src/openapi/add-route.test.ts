import { createRoute } from '@hono/zod-openapi';
import { isRegistryError } from '@llmsr/core';
import { stringField } from '@llmsr/spec/rest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse } from '../error-response.js';
import { addRoute } from './add-route.js';
import { createRouteApp } from './create-route-app.js';

const Greeting = z.object({
  name: stringField(),
  items: z.array(z.object({ n: z.number() })).optional(),
});
const route = createRoute({
  method: 'post',
  path: '/greet',
  operationId: 'greet',
  request: { body: { required: true, content: { 'application/json': { schema: Greeting } } } },
  responses: {
    201: {
      description: 'ok',
      content: { 'application/json': { schema: z.object({ hello: z.string() }) } },
    },
  },
});

function app() {
  const app = createRouteApp();
  addRoute(app, route, (c) => c.json({ hello: c.req.valid('json').name }, 201), {
    access: { public: 'test' },
    bodyLimit: 100,
  });
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

const post = (body: string, headers: Record<string, string> = {}) =>
  app().request('/greet', { method: 'POST', body, headers });

describe('addRoute', () => {
  it('hands the validated body to the handler', async () => {
    const response = await post('{"name":"Ada"}', { 'content-type': 'application/json' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ hello: 'Ada' });
  });

  it('accepts a JSON body sent without a JSON content type, as curl -d does', async () => {
    const response = await post('{"name":"Ada"}', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(201);
  });

  it('refuses a body over the limit with 413 before validating it', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(200) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error_code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers INVALID_INPUT naming the field, with its path inside arrays', async () => {
    const missing = await post('{}');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error_code: 'INVALID_INPUT',
      message: "'name' is required",
      details: { field: 'name' },
    });
    const nested = await post('{"name":"a","items":[{"n":1},{"n":"x"}]}');
    expect(await nested.json()).toMatchObject({ details: { field: 'items[1].n' } });
  });

  it('refuses a body that is not an object as before', async () => {
    const response = await post('[1]');
    expect(await response.json()).toMatchObject({
      error_code: 'INVALID_INPUT',
      message: 'The request body must be a JSON object',
    });
  });

  it('passes failures to a custom defaultHook', async () => {
    const custom = createRouteApp((result) => {
      if (!result.success) throw new Error('custom');
    });
    addRoute(custom, route, (c) => c.json({ hello: 'x' }, 201), {
      access: { public: 'test' },
      bodyLimit: 100,
    });
    custom.onError((error, c) => c.text(isRegistryError(error) ? 'registry' : error.message, 400));
    const response = await custom.request('/greet', { method: 'POST', body: '{}' });
    expect(await response.text()).toBe('custom');
  });

  it('documents the body it validates', () => {
    const document = app().getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    });
    const operation = document.paths?.['/greet']?.post;
    expect(operation?.requestBody).toBeDefined();
    expect(operation?.operationId).toBe('greet');
  });
});
