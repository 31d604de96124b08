import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { createRegistry, type Registry } from '@llmsr/core';
import { MemoryStore } from '@llmsr/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { type CreateAppOptions, createApp } from '../src/create-app.js';
import { createLogger } from '../src/middleware/create-logger.js';
import { personSchema, send } from './helpers.js';

type Json = Record<string, unknown>;

const opened: Registry[] = [];
async function appWith(
  options: Omit<CreateAppOptions, 'registry'> & { rateLimitPerMinute?: number } = {},
) {
  // The store is the test's own, so a test can make it unreachable under the registry.
  const store = new MemoryStore();
  const limit = options.rateLimitPerMinute;
  const registry = await createRegistry({
    storage: store,
    ...(limit ? { auth: { rateLimits: { anonymous: limit } } } : {}),
  });
  opened.push(registry);
  return { app: createApp({ registry, processMetrics: false, ...options }), registry, store };
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()));
});

/** The value of a sample line (`name{labels} value`) in Prometheus text, or undefined. */
function sample(text: string, prefix: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /health', () => {
  it('reports storage, uptime, counts, cache entries and hit rate', async () => {
    const { app } = await appWith();
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    await send(app, 'GET', '/api/v1/schemas/1');
    await send(app, 'GET', '/api/v1/schemas/1');
    const { status, json } = await send(app, 'GET', '/health');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      status: 'ok',
      storage: { backend: 'memory', reachable: true },
      schemas: 1,
      subjects: 1,
    });
    expect(typeof json.uptime_seconds).toBe('number');
    const cache = json.cache as { entries: number; hit_rate: number };
    expect(cache.entries).toBeGreaterThan(0);
    expect(cache.hit_rate).toBeGreaterThan(0);
    expect(cache.hit_rate).toBeLessThanOrEqual(1);
  });

  it('answers 503 when storage is unreachable', async () => {
    const { app, store } = await appWith();
    await store.close();
    const { status, json } = await send(app, 'GET', '/health');
    expect(status).toBe(503);
    expect(json).toMatchObject({ status: 'unavailable', storage: { reachable: false } });
  });
});

describe('GET /metrics', () => {
  it('exposes validations, their duration, active schemas, compatibility failures, HTTP durations and cache hit rate', async () => {
    const { app } = await appWith();
    await send(app, 'POST', '/api/v1/schemas', { subject: 'people', schema: personSchema });
    await send(app, 'POST', '/api/v1/validate/data', { schema_id: 1, data: { name: 'a' } });
    await send(app, 'POST', '/api/v1/validate/data', { schema_id: 1, data: { name: 1 } });
    await send(app, 'POST', '/api/v1/validate/batch', { schema_id: 1, items: [{ name: 'b' }, 3] });
    await send(app, 'POST', '/api/v1/schemas', {
      subject: 'people',
      schema: { ...personSchema, required: ['name', 'age'] },
    });
    await send(app, 'POST', '/api/v1/compatibility/check', {
      subject: 'people',
      schema: { ...personSchema, required: ['name', 'age'] },
    });
    await send(app, 'GET', '/api/v1/schemas/1');
    const response = await app.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'schema_validations_total{result="valid"}')).toBe(2);
    expect(sample(text, 'schema_validations_total{result="invalid"}')).toBe(2);
    expect(sample(text, 'schema_validation_duration_seconds_count{result="valid"}')).toBe(2);
    expect(sample(text, 'active_schemas')).toBe(1);
    expect(sample(text, 'compatibility_check_failures_total{source="register"}')).toBe(1);
    expect(sample(text, 'compatibility_check_failures_total{source="check"}')).toBe(1);
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/v1/schemas/:id",status="200"}',
      ),
    ).toBe(1);
    expect(text).toMatch(/^cache_hit_rate\{cache="validators"\} [0-9.]+$/m);
  });

  it('labels unknown paths as unmatched, never with the raw path', async () => {
    const { app } = await appWith();
    await app.request('/api/v1/no-such-thing-12345');
    const text = await (await app.request('/metrics')).text();
    expect(text).not.toContain('no-such-thing-12345');
    expect(text).toContain('route="unmatched"');
  });

  it('keeps two apps in one process apart (a registry per app, not the global one)', async () => {
    const first = await appWith();
    const second = await appWith();
    await send(first.app, 'POST', '/api/v1/schemas', { subject: 'p', schema: personSchema });
    await send(first.app, 'POST', '/api/v1/validate/data', { schema_id: 1, data: {} });
    const text = await (await second.app.request('/metrics')).text();
    expect(sample(text, 'schema_validations_total{result="invalid"}')).toBeUndefined();
  });
});

describe('request id, logs, compression and CORS', () => {
  it('echoes a given x-request-id and generates one when absent', async () => {
    const { app } = await appWith();
    const given = await app.request('/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const generated = await app.request('/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await app.request('/health', { headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers.get('x-request-id')).not.toContain('<');
  });

  it('writes one JSON log line per request with the request id, route and status', async () => {
    const lines: Json[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Json);
        done();
      },
    });
    const { app } = await appWith({ logger: createLogger('info', sink) });
    await app.request('/api/v1/subjects/nobody/versions', { headers: { 'x-request-id': 'req-7' } });
    await app.request('/health');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      request_id: 'req-7',
      method: 'GET',
      route: '/api/v1/subjects/:subject/versions',
      status: 404,
      level: 'warn',
      service: 'llmsr',
    });
    expect(lines[1]).toMatchObject({ route: '/health', status: 200, level: 'info' });
    expect(typeof lines[1]?.duration_ms).toBe('number');
  });

  it('logs nothing at level silent', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app } = await appWith({ logger: createLogger('silent', sink) });
    await app.request('/health');
    expect(lines).toEqual([]);
  });

  it('gzips large JSON responses for clients that accept it', async () => {
    const { app } = await appWith();
    for (let i = 0; i < 30; i++) {
      await send(app, 'POST', '/api/v1/schemas', {
        subject: `subject-with-a-long-name-${i}`,
        schema: personSchema,
      });
    }
    const response = await app.request('/api/v1/schemas', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(
      gunzipSync(Buffer.from(await response.arrayBuffer())).toString(),
    ) as Json;
    expect(body.total).toBe(30);
    const plain = await app.request('/api/v1/schemas');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('answers CORS preflights for configured origins only', async () => {
    const { app } = await appWith({ corsOrigins: ['https://ui.example'] });
    const allowed = await app.request('/api/v1/subjects', {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    const other = await app.request('/api/v1/subjects', {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const { app: closed } = await appWith();
    const none = await closed.request('/api/v1/subjects', {
      headers: { origin: 'https://ui.example' },
    });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('is off by default', async () => {
    const { app } = await appWith();
    for (let i = 0; i < 50; i++) expect((await app.request('/api/v1/subjects')).status).toBe(200);
  });

  it('answers 429 with Retry-After past the configured limit, but never for health and metrics', async () => {
    const { app } = await appWith({ rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/api/v1/subjects')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.request('/api/v1/subjects');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as Json).error_code).toBe('RATE_LIMITED');
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/metrics')).status).toBe(200);
  });

  it('counts clients apart by the address the app is given', async () => {
    const { app } = await appWith({
      rateLimitPerMinute: 1,
      clientAddress: (c) => c.req.header('x-client') ?? '',
    });
    const hit = async (client: string) =>
      (await app.request('/api/v1/subjects', { headers: { 'x-client': client } })).status;
    expect([await hit('a'), await hit('a'), await hit('b')]).toEqual([200, 429, 200]);
  });
});
