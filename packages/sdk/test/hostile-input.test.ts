import type { RunningServer } from '@llmsr/server';
import { DEFAULT_SERVER_CONFIG, startServer } from '@llmsr/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClientOptions } from '../src/index.js';
import { startHostileServer } from './hostile-server.js';
import { startTestServer } from './start-test-server.js';

const fast = { retries: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function hostile(
  handler: Parameters<typeof startHostileServer>[0],
  options: Partial<RegistryClientOptions> = {},
) {
  const server = await startHostileServer(handler);
  closers.push(server.close);
  const client = createRegistryClient({
    baseUrl: server.url,
    transport: 'rest',
    ...fast,
    ...options,
  });
  return { client, server };
}

describe('bad client options', () => {
  it.each([
    ['an empty string', ''],
    ['not a URL', 'registry'],
    ['an ftp URL', 'ftp://registry:21'],
    ['a file URL', 'file:///etc/passwd'],
    ['credentials in the URL', 'http://user:secret@registry'],
    ['a query string', 'http://registry/?x=1'],
    ['a number', 8081],
    ['undefined', undefined],
  ])('refuses %s as baseUrl with INVALID_ARGUMENT', (_name, baseUrl) => {
    expect(() => createRegistryClient({ baseUrl: baseUrl as string })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: { field: 'baseUrl' } }),
    );
  });

  it('refuses options that are not an object, an unknown transport, a non-function fetch and a negative timeout', () => {
    const baseUrl = 'http://127.0.0.1:1';
    expect(() => createRegistryClient(null as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createRegistryClient({ baseUrl, cacheSize: 0 })).toThrow(/cacheSize/);
    expect(() => createRegistryClient({ baseUrl, transport: 'grpc' as 'rest' })).toThrow(
      /unknown transport/,
    );
    expect(() => createRegistryClient({ baseUrl, fetch: 'x' as unknown as typeof fetch })).toThrow(
      /fetch/,
    );
    expect(() => createRegistryClient({ baseUrl, timeoutMs: -5 })).toThrow(/timeoutMs/);
  });

  it('refuses bad arguments before any request', async () => {
    let calls = 0;
    const client = createRegistryClient({
      baseUrl: 'http://127.0.0.1:1',
      fetch: async () => {
        calls++;
        return new Response('{}');
      },
    });
    await expect(client.getSchema(-1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.getSchema(1.5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.getVersion('', 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      client.register({ subject: 42 as unknown as string, schema: {} }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    for (const input of [null, undefined, 'text', []]) {
      const hostile = input as never;
      await expect(client.register(hostile)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(client.validate(hostile)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(client.checkCompatibility(hostile)).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      await expect(client.setConfig(hostile)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    await expect(client.localValidator(null as unknown as number)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(calls).toBe(0);
  });
});

describe('hostile servers', () => {
  it('reports a refused connection as NETWORK_ERROR after retrying', async () => {
    const { server } = await hostile(() => {});
    await server.close();
    const client = createRegistryClient({ baseUrl: server.url, ...fast });
    await expect(client.listSubjects()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      details: { attempts: 3 },
    });
  });

  it('reports an HTML page as INVALID_RESPONSE without retrying', async () => {
    const { client, server } = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>');
    });
    await expect(client.listSubjects()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
    });
    expect(server.requests()).toBe(1);
  });

  it('retries an HTML 502 from a proxy and reports HTTP_ERROR', async () => {
    const { client, server } = await hostile((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    });
    await expect(client.listSubjects()).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 502 });
    expect(server.requests()).toBe(3);
  });

  it('reports JSON of the wrong shape as INVALID_RESPONSE naming the field', async () => {
    const { client } = await hostile((req, res) => {
      const body = req.url?.includes('/schemas/') ? { id: 'one', guid: 'g' } : { not: 'an array' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await expect(client.getSchema(1)).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      details: { field: 'id' },
    });
    await expect(client.listSubjects()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('stops reading a huge response at maxResponseBytes', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { client } = await hostile(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const pump = () => {
          // 1 GB unless the client hangs up first.
          while (sent < 16_384 && res.write(chunk)) sent++;
          if (sent < 16_384 && !res.destroyed) res.once('drain', pump);
          else res.end();
        };
        res.write('[');
        pump();
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    await expect(client.listSubjects()).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      details: { limit: 1024 * 1024 },
    });
  });

  it('times out a server that never answers, per attempt', async () => {
    const { client, server } = await hostile(() => {}, {
      timeoutMs: 150,
      retries: { maxRetries: 1, baseDelayMs: 1 },
    });
    const error = await client.listSubjects().catch((e) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', details: { timeoutMs: 150, attempts: 2 } });
    expect(server.requests()).toBe(2);
  });

  it('times out a body that stalls after the headers', async () => {
    const { client } = await hostile(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('["a",');
      },
      { timeoutMs: 150, retries: 0 },
    );
    await expect(client.listSubjects()).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const { client, server } = await hostile(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.getSchema(1, { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(server.requests()).toBe(1);
    await expect(client.getSchema(1, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(server.requests()).toBe(1);
  });

  it('retries a server that closes the connection before answering', async () => {
    const { client, server } = await hostile((req, res, count) => {
      if (count < 3) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('["survivor"]');
    });
    expect(await client.listSubjects()).toEqual(['survivor']);
    expect(server.requests()).toBe(3);
  });

  it('reports a connection closed in the middle of the body as NETWORK_ERROR', async () => {
    const { client } = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('["half');
      setTimeout(() => res.destroy(), 10);
    });
    await expect(client.listSubjects()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

describe('retries against the real server', () => {
  let real: RunningServer;
  beforeAll(async () => {
    real = await startTestServer();
  });
  afterAll(() => real.close());

  it('survives two 503s with Retry-After from a proxy in front of the real server', async () => {
    const { client, server } = await hostile((req, res, count) => {
      if (count <= 2) {
        res.writeHead(503, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error_code: 'STORAGE_UNAVAILABLE', message: 'busy', details: {} }),
        );
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const upstream = await fetch(`http://127.0.0.1:${real.port}${req.url}`, {
          method: req.method ?? 'GET',
          headers: { 'content-type': 'application/json' },
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        });
        res
          .writeHead(upstream.status, { 'content-type': 'application/json' })
          .end(await upstream.text());
      });
    });
    const registered = await client.register({ subject: 'retried', schema: { type: 'string' } });
    expect(registered).toMatchObject({ subject: 'retried', version: 1, created: true });
    expect(server.requests()).toBe(3);
  });

  it("honours the real server's 429 Retry-After, and gives up at once past maxRetryAfterMs", async () => {
    const limited = await startServer({
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
      logLevel: 'silent',
      rateLimitPerMinute: 2,
    });
    closers.push(() => limited.close());
    const baseUrl = `http://127.0.0.1:${limited.port}`;
    const delays: number[] = [];
    const patient = createRegistryClient({
      baseUrl,
      retries: { maxRetries: 2, maxRetryAfterMs: 120_000 },
      sleep: async (ms) => void delays.push(ms),
    });
    await patient.listSubjects();
    await patient.listSubjects();
    const error = await patient.listSubjects().catch((e) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { attempts: 3 } });
    expect(delays).toHaveLength(2);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(60_000);
      expect(delay % 1000).toBe(0);
    }
    const hasty = createRegistryClient({ baseUrl, retries: { maxRetryAfterMs: 500 } });
    const quick = await hasty.listSubjects().catch((e) => e);
    expect(quick).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(quick.details.retryAfterMs).toBeGreaterThan(500);
    expect(quick.details.attempts).toBeUndefined();
  });
});
