import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import { createRegistry } from '@llmsr/core';
import { MemoryStore, type SchemaStore } from '@llmsr/storage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/create-app.js';
import { createLogger } from '../src/middleware/create-logger.js';
import { createTestApp, send } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('a NUL or control character in a config or mode subject', () => {
  const nul = ['a%00b', '%00', 'a%01b', 'x%7F'];
  const routes = [
    ['GET', '/config/'],
    ['PUT', '/config/'],
    ['DELETE', '/config/'],
    ['GET', '/mode/'],
    ['PUT', '/mode/'],
    ['DELETE', '/mode/'],
  ] as const;
  const body = (path: string) =>
    path.startsWith('/mode') ? { mode: 'READONLY' } : { compatibility: 'NONE' };

  it.each(
    routes.flatMap(([method, path]) => nul.map((subject) => [method, path, subject] as const)),
  )('%s %s%s is Confluent 42208 (422), never a 500', async (method, path, subject) => {
    const { app } = await createTestApp();
    const answer = await send(
      app,
      method,
      `${path}${subject}`,
      method === 'PUT' ? body(path) : undefined,
    );
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ error_code: 42208 });
    expect(String(answer.json.message)).toContain('control characters');
  });

  it.each(['GET', 'PUT', 'DELETE'])(
    '%s /api/v1/config/a%%00b is INVALID_INPUT (400) with the usual error body',
    async (method) => {
      const { app } = await createTestApp();
      const answer = await send(
        app,
        method,
        '/api/v1/config/a%00b',
        method === 'PUT' ? { compatibility_level: 'NONE' } : undefined,
      );
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({
        error_code: 'INVALID_INPUT',
        details: { field: 'subject' },
      });
    },
  );

  it('writes no config for the refused subject', async () => {
    const { app, registry } = await createTestApp();
    await send(app, 'PUT', '/config/a%00b', { compatibility: 'NONE' });
    expect(await registry.config.get('a\u0000b')).toBeUndefined();
  });
});

/** A memory store whose subject listing fails like a broken SQL query. */
async function failingStore(): Promise<SchemaStore> {
  const store = new MemoryStore();
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'listSubjects') {
        return async () => {
          throw new Error('syntax error at or near "SELEKT" (SQLSTATE 42601) password=hunter2');
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a real internal error', () => {
  it.each([
    ['native', '/api/v1/subjects', 'INTERNAL'],
    ['Confluent', '/subjects', 50001],
  ] as const)(
    'answers the %s API with a generic message naming the request id; the SQL text goes only to the log',
    async (_api, path, code) => {
      const logged: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line) => void logged.push(String(line)));
      const registry = await createRegistry({ storage: await failingStore() });
      const app = createApp({ registry });
      const response = await app.request(path);
      const text = await response.text();
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      expect(JSON.parse(text)).toMatchObject({
        error_code: code,
        message: `Internal error; request id ${requestId}`,
      });
      expect(text).not.toMatch(/SELEKT|SQLSTATE|hunter2/);
      const line = logged.find((entry) => entry.includes('SQLSTATE 42601'));
      expect(line && JSON.parse(line)).toMatchObject({ level: 'error', request_id: requestId });
      await registry.close();
    },
  );
});

describe('a client that aborts its upload mid-body', () => {
  it('is logged as an aborted request (warn), not as an internal error or a 500', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const text of String(chunk).split('\n')) if (text) lines.push(JSON.parse(text));
        done();
      },
    });
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line) => void errors.push(String(line)));
    const registry = await createRegistry({ storage: 'memory:' });
    const app = createApp({ registry, logger: createLogger('info', sink) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ['/api/v1/schemas', '/subjects/s/versions', '/config/s']) {
        const socket = net.connect(port, '127.0.0.1');
        await once(socket, 'connect');
        socket.write(
          `${path === '/config/s' ? 'PUT' : 'POST'} ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"subject":"s","schema":`,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        socket.destroy();
      }
      const deadline = Date.now() + 5_000;
      while (lines.length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(lines.map((line) => [line.msg, line.level, line.path])).toEqual([
        ['request aborted', 'warn', '/api/v1/schemas'],
        ['request aborted', 'warn', '/subjects/s/versions'],
        ['request aborted', 'warn', '/config/s'],
      ]);
      expect(lines.every((line) => line.status !== 500)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      server.close();
      await registry.close();
    }
  });
});
