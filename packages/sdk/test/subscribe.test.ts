import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeEvent, createRegistryClient } from '../src/index.js';
import { startHostileServer } from './hostile-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function sseServer(handler: Parameters<typeof startHostileServer>[0]) {
  const server = await startHostileServer(handler);
  closers.push(server.close);
  const client = createRegistryClient({
    baseUrl: server.url,
    retries: { maxRetries: 1, baseDelayMs: 1 },
  });
  return { server, client };
}

const sse = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

describe('subscribe (SSE change stream)', () => {
  it('reconnects after a drop with Last-Event-ID and delivers every event once', async () => {
    const seen: (string | undefined)[] = [];
    const { client } = await sseServer((req: IncomingMessage, res, count) => {
      seen.push(req.headers['last-event-id'] as string | undefined);
      expect(req.url).toBe('/api/v1/stream/changes');
      res.writeHead(200, sse);
      if (count === 1) {
        res.write('retry: 5\n\n: hello\n\n');
        res.write('id: 1\nevent: change\ndata: {"type":"schema.registered","schema_id":4}\n\n');
        res.end('id: 2\ndata: {"type":"config.changed","subject":null}\n\n');
      } else {
        res.write('id: 3\ndata: not json\n\n');
      }
    });
    const events: ChangeEvent[] = [];
    for await (const event of client.subscribe()) {
      events.push(event);
      if (events.length === 3) break;
    }
    expect(events).toEqual([
      { id: '1', event: 'change', data: { type: 'schema.registered', schemaId: 4 } },
      { id: '2', event: 'message', data: { type: 'config.changed', subject: null } },
      { id: '3', event: 'message', data: 'not json' },
    ]);
    expect(seen).toEqual([undefined, '2']);
  });

  it('starts from a given lastEventId and closes the connection when the loop breaks', async () => {
    let closed = false;
    const { client } = await sseServer((req, res) => {
      res.writeHead(200, sse);
      res.write(`id: 11\ndata: {"after":"${req.headers['last-event-id']}"}\n\n`);
      req.on('close', () => {
        closed = true;
      });
    });
    for await (const event of client.subscribe({ lastEventId: '10' })) {
      expect(event.data).toEqual({ after: '10' });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
  });

  it('ends without an error when the signal aborts while waiting', async () => {
    const { client } = await sseServer((_req, res) => {
      res.writeHead(200, sse);
      res.write(': idle\n\n');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const events: ChangeEvent[] = [];
    for await (const event of client.subscribe({ signal: controller.signal })) events.push(event);
    expect(events).toEqual([]);
  });

  it('fails with ROUTE_UNAVAILABLE on a server without the stream', async () => {
    const { client, server } = await sseServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error_code":"ROUTE_NOT_FOUND","message":"No route","details":{}}');
    });
    const iterator = client.subscribe();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'ROUTE_UNAVAILABLE', status: 404 });
    expect(server.requests()).toBe(1);
  });

  it('keeps reconnecting through 503s, then resumes', async () => {
    const { client, server } = await sseServer((_req, res, count) => {
      if (count <= 3) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, sse);
      res.write('id: 1\ndata: {}\n\n');
    });
    const iterator = client.subscribe({ reconnectDelayMs: 5 });
    expect((await iterator.next()).value).toEqual({ id: '1', event: 'message', data: {} });
    await iterator.return();
    expect(server.requests()).toBe(4);
  });

  it('stops with reconnect: false when the stream ends', async () => {
    const { client } = await sseServer((_req, res) => {
      res.writeHead(200, sse);
      res.end('data: 1\n\n');
    });
    const events: ChangeEvent[] = [];
    for await (const event of client.subscribe({ reconnect: false })) events.push(event);
    expect(events).toEqual([{ id: undefined, event: 'message', data: 1 }]);
  });

  it('refuses a 200 that is not an event stream instead of reconnecting forever', async () => {
    const { client, server } = await sseServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>portal</html>');
    });
    await expect(client.subscribe().next()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
    });
    expect(server.requests()).toBe(1);
  });

  it('fails with INVALID_RESPONSE on an event larger than the parser allows', async () => {
    const { client } = await sseServer((_req, res) => {
      res.writeHead(200, sse);
      res.write(`data: ${'x'.repeat(2 * 1024 * 1024)}`);
    });
    await expect(client.subscribe().next()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
