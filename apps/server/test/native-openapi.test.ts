import { createRegistry, type Registry } from '@llmsr/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/create-app.js';

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};
type Document = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
};

/** Every native route the API promises, as `METHOD /openapi/{path}`. */
const NATIVE_ROUTES = [
  'GET /',
  'GET /health',
  'GET /metrics',
  'GET /openapi.json',
  'GET /docs',
  'POST /api/v1/schemas',
  'GET /api/v1/schemas',
  'GET /api/v1/schemas/{id}',
  'GET /api/v1/schemas/{id}/versions',
  'GET /api/v1/schemas/{id}/versions/{version}',
  'GET /api/v1/schemas/{id}/dependencies',
  'GET /api/v1/schemas/{id}/dependents',
  'GET /api/v1/search',
  'GET /api/v1/subjects',
  'GET /api/v1/subjects/{subject}/versions',
  'GET /api/v1/subjects/{subject}/versions/{version}',
  'DELETE /api/v1/subjects/{subject}/versions/{version}',
  'DELETE /api/v1/subjects/{subject}',
  'POST /api/v1/validate/data',
  'POST /api/v1/validate/batch',
  'POST /api/v1/validate/schema',
  'POST /api/v1/compatibility/check',
  'GET /api/v1/config',
  'PUT /api/v1/config',
  'DELETE /api/v1/config',
  'GET /api/v1/config/{subject}',
  'PUT /api/v1/config/{subject}',
  'DELETE /api/v1/config/{subject}',
  'GET /api/v1/stream/changes',
  'POST /api/v1/variable-spaces',
  'GET /api/v1/variable-spaces/{id}',
  'POST /api/v1/variable-spaces/{id}/validate',
];

describe('OpenAPI document and reference page', () => {
  let app: Hono;
  let registry: Registry;
  let document: Document;
  beforeAll(async () => {
    registry = await createRegistry({ storage: 'memory:' });
    app = createApp({ registry, processMetrics: false });
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(() => registry.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );

  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toContain('llmsr');
  });

  it('lists every native route', () => {
    expect(operations()).toEqual(expect.arrayContaining(NATIVE_ROUTES));
  });

  it('lists exactly the native routes mounted on the app, and the Confluent ones tagged Confluent', () => {
    const native = /^\/($|api\/v1\/|health$|metrics$|openapi\.json$|docs$)/;
    const mounted = new Set(
      app.routes
        .filter((r) => native.test(r.path) && !r.path.includes('*'))
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`),
    );
    const nativeOperations = operations().filter((o) => native.test(o.split(' ')[1] as string));
    expect(new Set(nativeOperations)).toEqual(mounted);
    const confluent = operations().filter((o) => !nativeOperations.includes(o));
    for (const operation of confluent) {
      const [method, path] = operation.split(' ') as [string, string];
      expect(document.paths[path]?.[method.toLowerCase()]?.tags, operation).toEqual(['Confluent']);
    }
    expect(confluent).toEqual(
      expect.arrayContaining([
        'POST /subjects/{subject}/versions',
        'POST /subjects/{subject}',
        'GET /schemas/ids/{id}',
        'PUT /config/{subject}',
        'PUT /mode',
        'POST /compatibility/subjects/{subject}/versions/{version}',
      ]),
    );
  });

  it('documents every route with a summary, a tag and typed success bodies', () => {
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        expect(operation.summary, key).toBeTruthy();
        expect(operation.tags?.length, key).toBeGreaterThan(0);
        const successes = Object.entries(operation.responses).filter(([status]) =>
          status.startsWith('2'),
        );
        expect(successes.length, key).toBeGreaterThan(0);
        for (const [status, response] of successes) {
          const content = (response as { content?: Record<string, { schema?: object }> }).content;
          for (const media of Object.values(content ?? {})) {
            if (!media.schema || Object.keys(media.schema).length === 0) {
              untyped.push(`${key} ${status}`);
            }
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('documents POST /api/v1/schemas as 201 for a new version and 200 for a known one', () => {
    const register = document.paths['/api/v1/schemas']?.post as Operation;
    expect(Object.keys(register.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '409', '413', '422']),
    );
  });

  it('declares path parameters, query parameters, bodies and error responses', () => {
    const byVersion = document.paths['/api/v1/schemas/{id}/versions/{version}']?.get as Operation;
    expect(byVersion.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual([
      'id',
      'version',
    ]);
    expect(byVersion.parameters.some((p) => p.in === 'query' && p.name === 'subject')).toBe(true);
    const batch = document.paths['/api/v1/validate/batch']?.post as Operation;
    expect(batch.requestBody).toBeDefined();
    expect(batch.responses['400']).toBeDefined();
    const search = document.paths['/api/v1/search']?.get as Operation;
    expect(search.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'limit', 'offset']),
    );
    const ids = operations().map((o) => {
      const [method, path] = o.split(' ');
      return document.paths[path as string]?.[(method as string).toLowerCase()]?.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers GET / with the name, version and links to the docs, document, health and metrics', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'llmsr',
      version: expect.any(String),
      links: { docs: '/docs', openapi: '/openapi.json', health: '/health', metrics: '/metrics' },
    });
  });

  it('serves an HTML reference page that loads the document', async () => {
    const response = await app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<script');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it("serves the reference page's scripts and styles itself, so it works without internet", async () => {
    const html = await (await app.request('/docs')).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const response = await app.request(asset);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const init = await (await app.request('/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });

  it('refuses docs asset names outside its allow-list', async () => {
    for (const name of ['package.json', '..%2Fpackage.json', 'index.js', 'swagger-ui.js.map']) {
      expect((await app.request(`/docs/${name}`)).status, name).toBe(404);
    }
  });
});
