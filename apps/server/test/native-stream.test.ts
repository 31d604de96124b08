import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, type Registry } from '@llmsr/core';
import { MemoryStore } from '@llmsr/storage';
import type { Hono } from 'hono';
import { Hono as HonoApp } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../src/create-app.js';
import { DEFAULT_SERVER_CONFIG } from '../src/server-config.js';
import { startServer } from '../src/start-server.js';
import { streamRoutes } from '../src/stream/stream-routes.js';
import { personSchema, send } from './helpers.js';

interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: Record<string, unknown>;
}

/**
 * Read Server-Sent Events from a response until `count` arrived (or 5 s passed), then hang up.
 * `onConnected` runs when the server's `: connected` comment arrives: it is subscribed by then.
 */
async function readEvents(
  response: Response,
  count: number,
  onConnected: () => void = () => {},
): Promise<SseEvent[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + 5_000;
  try {
    while (events.length < count && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((resolve) =>
          setTimeout(
            () => resolve({ done: true, value: undefined }),
            Math.max(1, deadline - Date.now()),
          ),
        ),
      ]);
      if (next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line === ': connected') onConnected();
          if (line.startsWith(':') || line === '') continue;
          const colon = line.indexOf(':');
          fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        if (fields.has('data')) {
          events.push({
            id: fields.get('id'),
            event: fields.get('event'),
            data: JSON.parse(fields.get('data') as string) as Record<string, unknown>,
          });
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return events;
}

/** A promise and the function that resolves it (Node 20 has no Promise.withResolvers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const register = (app: Hono, subject: string) =>
  send(app, 'POST', '/api/v1/schemas', { subject, schema: personSchema });

/** The id of the newest retained event (0 when none): tests on a shared database start after it. */
async function lastEventId(registry: Registry): Promise<number> {
  let after = 0;
  for (;;) {
    const page = await registry.events.list({ afterId: after, limit: 10_000 });
    if (page.length === 0) return after;
    after = page.at(-1)?.id ?? after;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'llmsr-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const postgresUrl =
  process.env.LLMSR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const postgres = await createRegistry({ storage: postgresUrl }).then(
  (registry) => registry,
  (error: unknown) => {
    if (process.env.LLMSR_TEST_POSTGRES_URL) throw error;
    console.log(`Skipping the PostgreSQL change-stream replay: ${String(error)}`);
    return undefined;
  },
);
await postgres?.close();

const backends: [string, () => string][] = [
  ['memory', () => 'memory:'],
  ['sqlite', () => `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.db`)}`],
  ...(postgres ? ([['postgres', () => postgresUrl]] as [string, () => string][]) : []),
];

describe.each(backends)('GET /api/v1/stream/changes over SSE (%s)', (_name, storage) => {
  it('streams registrations, deletes and config changes live, each with an id', async () => {
    const registry = await createRegistry({ storage: storage() });
    const app = createApp({ registry, processMetrics: false });
    try {
      const subject = `live-${Math.random().toString(36).slice(2, 8)}`;
      const response = await app.request('/api/v1/stream/changes');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const connected = deferred();
      const reading = readEvents(response, 3, connected.resolve);
      await connected.promise;
      await register(app, subject);
      await send(app, 'PUT', `/api/v1/config/${subject}`, { compatibility_level: 'NONE' });
      await send(app, 'DELETE', `/api/v1/subjects/${subject}/versions/1`);
      const events = await reading;
      expect(events.map((e) => e.event)).toEqual([
        'schema.registered',
        'config.changed',
        'schema.deleted',
      ]);
      expect(events[0]?.data).toMatchObject({ type: 'schema.registered', subject, version: 1 });
      expect(typeof events[0]?.data.schema_id).toBe('number');
      expect(events[2]?.data).toMatchObject({ subject, version: 1, permanent: false });
      const ids = events.map((e) => Number(e.id));
      expect(ids[1]).toBe((ids[0] ?? 0) + 1);
      expect(events.every((e) => Number(e.id) === e.data.id)).toBe(true);
    } finally {
      await registry.close();
    }
  });

  it('replays what a reconnecting client missed, from Last-Event-ID or ?last_event_id=', async () => {
    const registry = await createRegistry({ storage: storage() });
    const app = createApp({ registry, processMetrics: false });
    try {
      const start = await lastEventId(registry);
      const subject = `replay-${Math.random().toString(36).slice(2, 8)}`;
      await register(app, `${subject}-a`);
      await register(app, `${subject}-b`);
      await register(app, `${subject}-c`);
      const all = await readEvents(
        await app.request('/api/v1/stream/changes', {
          headers: { 'last-event-id': String(start) },
        }),
        3,
      );
      expect(all.map((e) => e.data.subject)).toEqual([
        `${subject}-a`,
        `${subject}-b`,
        `${subject}-c`,
      ]);
      const missed = await readEvents(
        await app.request(`/api/v1/stream/changes?last_event_id=${all[0]?.id}`),
        2,
      );
      expect(missed.map((e) => e.data.subject)).toEqual([`${subject}-b`, `${subject}-c`]);
      // After the replay the same connection keeps delivering live events, without duplicates.
      const response = await app.request('/api/v1/stream/changes', {
        headers: { 'last-event-id': all[1]?.id as string },
      });
      const connected = deferred();
      const reading = readEvents(response, 2, connected.resolve);
      await connected.promise;
      await register(app, `${subject}-d`);
      expect((await reading).map((e) => e.data.subject)).toEqual([`${subject}-c`, `${subject}-d`]);
    } finally {
      await registry.close();
    }
  });
});

describe('change stream edge cases', () => {
  it.each([['abc'], ['-1'], ['1.5'], ['9'.repeat(16)], ['%00']])(
    'refuses the last event id %s with 400 INVALID_INPUT',
    async (id) => {
      const registry = await createRegistry({ storage: 'memory:' });
      const app = createApp({ registry, processMetrics: false });
      const byQuery = await send(app, 'GET', `/api/v1/stream/changes?last_event_id=${id}`);
      expect(byQuery.status).toBe(400);
      expect(byQuery.json.error_code).toBe('INVALID_INPUT');
      const byHeader = await app.request('/api/v1/stream/changes', {
        headers: { 'last-event-id': decodeURIComponent(id).replace('\u0000', 'x') },
      });
      expect(byHeader.status).toBe(400);
      await registry.close();
    },
  );

  it('ends open streams when the app shuts down', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    const shutdown = new AbortController();
    const app = createApp({ registry, processMetrics: false, shutdown: shutdown.signal });
    const response = await app.request('/api/v1/stream/changes');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    shutdown.abort();
    let done = false;
    for (let i = 0; i < 10 && !done; i++) done = (await reader.read()).done;
    expect(done).toBe(true);
    await registry.close();
  });

  it('sends an error event and ends when the replay cannot read storage', async () => {
    const store = new MemoryStore();
    const registry = await createRegistry({ storage: store });
    const app = createApp({ registry, processMetrics: false });
    await store.close();
    const response = await app.request('/api/v1/stream/changes?last_event_id=0');
    const events = await readEvents(response, 1);
    expect(events).toEqual([
      { id: undefined, event: 'error', data: { error_code: 'STORAGE_UNAVAILABLE' } },
    ]);
  });

  it('tells a client that comes back after retention trimmed its events', async () => {
    const registry = await createRegistry({ storage: 'memory:', eventRetention: 2 });
    const app = createApp({ registry, processMetrics: false });
    for (const subject of ['g1', 'g2', 'g3', 'g4']) await register(app, subject);
    const events = await readEvents(
      await app.request('/api/v1/stream/changes', { headers: { 'last-event-id': '1' } }),
      3,
    );
    expect(events.map((e) => e.event)).toEqual([
      'stream.gap',
      'schema.registered',
      'schema.registered',
    ]);
    expect(events[0]?.data).toEqual({ last_event_id: 1, oldest_id: 3 });
    expect(events.slice(1).map((e) => e.data.subject)).toEqual(['g3', 'g4']);
    const caughtUp = await readEvents(
      await app.request('/api/v1/stream/changes', { headers: { 'last-event-id': '3' } }),
      1,
    );
    expect(caughtUp.map((e) => e.event)).toEqual(['schema.registered']);
    await registry.close();
  });

  it('refuses streams past the configured count with 503 until one closes', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    const app = new HonoApp().route('/', streamRoutes(registry, { maxClients: 1 }));
    const first = await app.request('/changes');
    const reader = (first.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const second = await app.request('/changes');
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error_code: string }).error_code).toBe('TOO_MANY_STREAMS');
    await reader.cancel();
    // The slot frees once the stream's handler has unwound, a few ticks after the hang-up.
    let third = await app.request('/changes');
    for (let i = 0; i < 100 && third.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      third = await app.request('/changes');
    }
    expect(third.status).toBe(200);
    await third.body?.cancel();
    await registry.close();
  });

  it('answers 404 for an unknown stream', async () => {
    const registry = await createRegistry({ storage: 'memory:' });
    const app = createApp({ registry, processMetrics: false });
    const { status, json } = await send(app, 'GET', '/api/v1/stream/nothing');
    expect(status).toBe(404);
    expect(json.error_code).toBe('ROUTE_NOT_FOUND');
    await registry.close();
  });
});

describe('GET /api/v1/stream/changes over WebSocket', () => {
  /** Collect `count` JSON messages from a socket (or what came within 5 s). */
  const collect = (socket: WebSocket, count: number) =>
    new Promise<Record<string, unknown>[]>((resolve) => {
      const messages: Record<string, unknown>[] = [];
      const timer = setTimeout(() => resolve(messages), 5_000);
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)) as Record<string, unknown>);
        if (messages.length === count) {
          clearTimeout(timer);
          resolve(messages);
        }
      });
    });
  const opened = (socket: WebSocket) =>
    new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });

  it('pushes live events and replays missed ones after a reconnect', async () => {
    const server = await startServer({
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
    });
    const base = `http://127.0.0.1:${server.port}`;
    const post = (subject: string) =>
      fetch(`${base}/api/v1/schemas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject, schema: personSchema }),
      });
    try {
      const live = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/stream/changes`);
      await opened(live);
      const first = collect(live, 1);
      await post('ws-a');
      const [event] = await first;
      expect(event).toMatchObject({
        id: 1,
        type: 'schema.registered',
        subject: 'ws-a',
        version: 1,
      });
      live.close();

      await post('ws-b');
      await post('ws-c');
      const again = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/stream/changes`, {
        headers: { 'last-event-id': '1' },
      });
      const replay = collect(again, 2);
      await opened(again);
      expect((await replay).map((e) => e.subject)).toEqual(['ws-b', 'ws-c']);
      const byQuery = new WebSocket(
        `ws://127.0.0.1:${server.port}/api/v1/stream/changes?last_event_id=2`,
      );
      const fromQuery = collect(byQuery, 1);
      await opened(byQuery);
      expect((await fromQuery).map((e) => e.subject)).toEqual(['ws-c']);
      byQuery.close();
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('process_cpu_user_seconds_total');
      // Shutdown closes sockets still open rather than waiting on them.
    } finally {
      await server.close();
    }
  });

  it('flushes SSE events through a real server, uncompressed, as they happen', async () => {
    const server = await startServer({
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const response = await fetch(`${base}/api/v1/stream/changes`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.headers.get('content-encoding')).toBeNull();
      const connected = deferred();
      const reading = readEvents(response, 1, connected.resolve);
      await connected.promise;
      await fetch(`${base}/api/v1/schemas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'sse-real', schema: personSchema }),
      });
      const [event] = await reading;
      expect(event?.data).toMatchObject({ type: 'schema.registered', subject: 'sse-real' });
    } finally {
      await server.close();
    }
  });

  it('refuses upgrades to other paths and malformed last ids', async () => {
    const server = await startServer({
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
    });
    try {
      const statusOf = (path: string) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
          socket.on('unexpected-response', (_request, response) =>
            resolve(response.statusCode ?? 0),
          );
          socket.on('error', () => resolve(-1));
          socket.on('open', () => resolve(101));
        });
      expect(await statusOf('/api/v1/nowhere')).toBe(404);
      expect(await statusOf('/api/v1/stream/changes?last_event_id=x')).toBe(400);
      expect(await statusOf('/api/v1/stream/changes')).toBe(101);
    } finally {
      await server.close();
    }
  });
});
