import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startLocalServer } from '../../test/local-server.js';
import { createHttpRequestHandler } from './http-request.js';

const context = (config: Record<string, unknown>, signal = new AbortController().signal) => ({
  config,
  signal,
  runId: 'r',
  stageId: 's',
  attempt: 1,
  resolver: { resolveSchema: () => undefined },
});

describe('http.request against a local server', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/echo')
        return json(res, 200, {
          method: req.method,
          got: req.body ? JSON.parse(req.body) : null,
          auth: req.headers.authorization ?? null,
        });
      if (req.url === '/missing') return json(res, 404, { error: 'nope' });
      if (req.url === '/down') return json(res, 503, { error: 'busy' });
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/html')
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      if (req.url === '/huge') return res.writeHead(200).end('x'.repeat(5_000));
      if (req.url === '/slow') return; // never answers
      json(res, 500, {});
    });
  });
  afterAll(() => server.close());

  const handler = createHttpRequestHandler({ maxResponseBytes: 1_000 });

  it('sends the stage input as the JSON body and returns the parsed response', async () => {
    const output = await handler(
      { q: 'hi' },
      context({
        method: 'post',
        url: `${server.url}/echo`,
        headers: { authorization: 'Bearer t' },
      }),
    );
    expect(output).toEqual({ method: 'POST', got: { q: 'hi' }, auth: 'Bearer t' });
    expect(server.seen.at(-1)?.headers['content-type']).toBe('application/json');
  });

  it('sends no body for GET', async () => {
    expect(
      await handler({ ignored: true }, context({ method: 'GET', url: `${server.url}/echo` })),
    ).toMatchObject({ method: 'GET', got: null });
  });

  it('returns null for an empty response', async () => {
    expect(
      await handler(null, context({ method: 'DELETE', url: `${server.url}/empty` })),
    ).toBeNull();
  });

  it.each([
    ['/missing', 'HTTP_404', false],
    ['/down', 'HTTP_503', true],
    ['/html', 'HTTP_INVALID_JSON', true],
    ['/huge', 'HTTP_RESPONSE_TOO_LARGE', false],
  ])('fails %s with %s (retryable: %s)', async (path, code, retryable) => {
    await expect(handler(null, context({ url: `${server.url}${path}` }))).rejects.toMatchObject({
      code,
      retryable,
    });
  });

  it('times out at timeout_ms', async () => {
    await expect(
      handler(null, context({ url: `${server.url}/slow`, timeout_ms: 30 })),
    ).rejects.toMatchObject({ code: 'HTTP_TIMEOUT' });
  });

  it('gives up when the stage signal aborts, with the signal reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const pending = handler(null, context({ url: `${server.url}/slow` }, controller.signal));
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });

  it('reports a refused connection with its network code', async () => {
    const closed = await startLocalServer(() => {});
    await closed.close();
    await expect(handler(null, context({ url: `${closed.url}/x` }))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it.each([
    [{ url: 'file:///etc/passwd' }, '/config/url'],
    [{ url: 'not a url' }, '/config/url'],
    [{ url: 'http://x', method: 'TRACE' }, '/config/method'],
    [{ url: 'http://x', headers: { a: 1 } }, '/config/headers/a'],
    [{ url: 'http://x', timeout_ms: 0 }, '/config/timeout_ms'],
  ])('refuses config %j at %s without retrying', async (config, path) => {
    await expect(
      Promise.resolve().then(() => handler(null, context(config))),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      retryable: false,
      details: { path },
    });
  });
});
