import { createRoute } from '@hono/zod-openapi';
import { ConfluentConfigRequest, ConfluentRegisterRequest } from '@llmsr/spec/rest';
import { describe, expect, it } from 'vitest';
import { addRoute } from '../openapi/add-route.js';
import { confluentErrorResponse } from './confluent-error-response.js';
import { confluentJson } from './confluent-json.js';
import { confluentRequestBody, confluentResponse } from './confluent-openapi.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';

/** An app with one Confluent route taking `schema` as its body, answering what it read. */
function appWith(schema: typeof ConfluentRegisterRequest | typeof ConfluentConfigRequest) {
  const app = createConfluentRouteApp();
  const route = createRoute({
    method: 'post',
    path: '/echo',
    request: { body: confluentRequestBody(schema) },
    responses: { 200: confluentResponse('echo', schema) },
  });
  addRoute(app, route, (c) => confluentJson(c, c.req.valid('json') as never), {
    access: { public: 'test' },
    bodyLimit: 1_000,
  });
  app.onError((error, c) => confluentErrorResponse(c, error));
  return app;
}

async function post(app: ReturnType<typeof appWith>, body: string, type = 'application/json') {
  const response = await app.request('/echo', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('createConfluentRouteApp', () => {
  it.each([
    [{ schema: '' }, 42201],
    [{ schema: 42 }, 42201],
    [{ schema: '"int"', schemaType: 5 }, 42201],
    [{ schema: '"int"', metadata: [1] }, 422],
    [{ schema: '"int"', ruleSet: 'x' }, 42210],
    [{ schema: '"int"', id: 1.5 }, 422],
    [{ schema: '"int"', version: 2 ** 31 }, 422],
  ])('answers %j with Confluent error code %i', async (body, code) => {
    const { status, json } = await post(appWith(ConfluentRegisterRequest), JSON.stringify(body));
    expect(json.error_code).toBe(code);
    expect(status).toBe(Number(String(code).slice(0, 3)));
    expect(typeof json.message).toBe('string');
  });

  it('answers a body that is no JSON object with 400', async () => {
    const { status, json } = await post(appWith(ConfluentRegisterRequest), '[1]');
    expect([status, json.error_code]).toEqual([400, 400]);
  });

  it.each([
    'application/vnd.schemaregistry.v1+json',
    'application/vnd.schemaregistry+json',
    'application/json',
    'text/plain',
  ])('reads a body sent as %s, with Confluent defaults and not-chosen ids', async (type) => {
    const body = JSON.stringify({ schema: '"int"', id: -1, version: 0, metadata: null });
    const { status, json } = await post(appWith(ConfluentRegisterRequest), body, type);
    expect(status).toBe(200);
    expect(json).toEqual({ schema: '"int"', schemaType: 'AVRO' });
  });

  it('answers a mistyped level with 42203 and a mistyped rule set field with 42210', async () => {
    const app = appWith(ConfluentConfigRequest);
    expect((await post(app, '{"compatibility":1}')).json.error_code).toBe(42203);
    expect((await post(app, '{"defaultRuleSet":[]}')).json.error_code).toBe(42210);
    expect((await post(app, '{"normalize":"yes"}')).json.error_code).toBe(422);
  });
});
