import type { Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, send } from './helpers.js';

const ODD_SEGMENTS = ['%00', '..%2F..%2Fetc', '%F0%9F%98%80', 'x'.repeat(300), '-1', '%C0%AF'];
const BAD_BODIES = ['{"a":', '[]', '"text"', 'null', '{"schema": {"$gt": 1}, "mode": 5}'];
const MEDIA_TYPES = [
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
];

describe('every Confluent route in /openapi.json under hostile input', () => {
  let app: Hono;
  let registry: Registry;
  let routes: { method: string; path: string }[] = [];
  beforeAll(async () => {
    ({ app, registry } = await createTestApp({ schemaBytes: 2_000, dataBytes: 4_000 }));
    await send(app, 'POST', '/subjects/people/versions', { schema: '"string"' });
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags?.includes('Confluent'))
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(() => registry.close());

  /** Any non-2xx answer must be a Confluent error body, and nothing may be a 500. */
  async function expectCleanAnswer(method: string, path: string, body?: string, type?: string) {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': type ?? 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    const where = `${method} ${path.slice(0, 80)} ${body?.slice(0, 40) ?? ''}`;
    expect(response.status, where).toBeLessThan(500);
    if (response.status >= 400) {
      const json = (await response.json()) as { error_code?: unknown; message?: unknown };
      expect(typeof json.error_code, where).toBe('number');
      expect(typeof json.message, where).toBe('string');
    }
    return response.status;
  }

  it('finds the Confluent routes to sweep', () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  it('answers odd path segments with a Confluent error or success, never a 500', async () => {
    for (const route of routes) {
      for (const segment of ODD_SEGMENTS) {
        const path = route.path.replace(/\{[^}]+\}/g, segment);
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
        await expectCleanAnswer(route.method, path, body);
      }
    }
  });

  it('answers malformed and wrongly typed bodies with 4xx Confluent errors, whatever the media type', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      const path = route.path.replace(/\{[^}]+\}/g, 'people');
      for (const type of MEDIA_TYPES) {
        for (const body of BAD_BODIES) {
          const status = await expectCleanAnswer(route.method, path, body, type);
          expect(status, `${route.method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
        }
      }
    }
  });

  it('refuses oversized bodies with 413', async () => {
    const huge = JSON.stringify({ schema: 'x'.repeat(200_000) });
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      const path = route.path.replace(/\{[^}]+\}/g, 'people');
      const response = await app.request(path, { method: route.method, body: huge });
      expect(response.status, `${route.method} ${path}`).toBe(413);
      expect(((await response.json()) as { error_code: number }).error_code).toBe(413);
    }
  });
});
