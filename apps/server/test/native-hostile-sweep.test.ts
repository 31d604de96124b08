import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, personSchema, send } from './helpers.js';

/** Routes whose success body is not JSON or never ends; their bad input is tested elsewhere. */
const SKIPPED = new Set(['GET /metrics', 'GET /docs', 'GET /api/v1/stream/changes']);
const ODD_SEGMENTS = [
  '%00',
  '..%2F..%2Fetc',
  '%F0%9F%98%80',
  'x'.repeat(300),
  '-1',
  '99999999999999999999',
  '%25%27%22%3B',
  '%C0%AF',
];
const BAD_BODIES = ['{"a":', '[]', '"text"', 'null', '{"schema_id": {"$gt": 1}, "items": "x"}'];

describe('every native route under hostile input', () => {
  let app: Hono;
  let registry: Registry;
  let routes: { method: string; path: string }[] = [];
  beforeAll(async () => {
    ({ app, registry } = await createTestApp({ schemaBytes: 2_000, dataBytes: 4_000 }));
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    // The Confluent API answers numeric error codes; confluent-hostile-sweep.test.ts sweeps it.
    routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => !operation.tags?.includes('Confluent'))
        .map(([method]) => ({ method: method.toUpperCase(), path }))
        .filter((r) => !SKIPPED.has(`${r.method} ${r.path}`)),
    );
  });
  afterAll(() => registry.close());

  /** Any non-2xx answer must be a JSON error with a stable code, and nothing may be a 500. */
  async function expectCleanAnswer(method: string, path: string, body?: string) {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    const where = `${method} ${path.slice(0, 80)} ${body?.slice(0, 40) ?? ''}`;
    expect(response.status, where).toBeLessThan(500);
    if (response.status >= 400) {
      const json = (await response.json()) as { error_code?: unknown };
      expect(typeof json.error_code, where).toBe('string');
    }
    return response.status;
  }

  it('finds the routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers odd path segments with a JSON error or success, never a 500', async () => {
    for (const route of routes) {
      for (const segment of ODD_SEGMENTS) {
        const path = route.path.replace(/\{[^}]+\}/g, segment);
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
        await expectCleanAnswer(route.method, path, body);
      }
    }
  });

  it('answers malformed and wrongly typed bodies with 4xx JSON errors', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      const path = route.path.replace(/\{[^}]+\}/g, '1');
      for (const body of BAD_BODIES) {
        const status = await expectCleanAnswer(route.method, path, body);
        expect(status, `${route.method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('refuses oversized bodies with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ items: ['x'.repeat(200_000)], schema: 'x'.repeat(10) });
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      const path = route.path.replace(/\{[^}]+\}/g, '1');
      const response = await app.request(path, {
        method: route.method,
        headers: { 'content-type': 'application/json' },
        body: huge,
      });
      expect(response.status, `${route.method} ${path}`).toBe(413);
      expect(((await response.json()) as { error_code: string }).error_code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
    }
  });

  it('answers hostile query strings without a 500', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const path = route.path.replace(/\{[^}]+\}/g, '1');
      for (const query of [
        'limit=1e9',
        'offset=NaN',
        'deleted=%00',
        'q=%E0%A4%A',
        'subject[]=a&subject=b',
      ]) {
        await expectCleanAnswer('GET', `${path}?${query}`);
      }
    }
  });
});
