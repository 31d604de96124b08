import { describe, expect, it } from 'vitest';
import { createHttpTransport, type HttpTransportOptions } from './http-transport.js';
import { RegistryClientError } from './registry-client-error.js';

type Step = Response | Error;

/** A fetch that plays back scripted answers and records what it was asked. */
function scriptedFetch(steps: (() => Step)[]) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    requests.push({ url: String(input), init });
    const step = steps[Math.min(requests.length - 1, steps.length - 1)]!();
    if (step instanceof Error) throw step;
    return step;
  };
  return { fetchFn, requests };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const networkError = () => () => new TypeError('fetch failed', { cause: new Error('ECONNRESET') });

function transport(steps: (() => Step)[], options: Partial<HttpTransportOptions> = {}) {
  const { fetchFn, requests } = scriptedFetch(steps);
  const delays: number[] = [];
  const http = createHttpTransport({
    baseUrl: 'http://registry.test/prefix/',
    fetch: fetchFn,
    random: () => 0.5,
    sleep: async (ms) => void delays.push(ms),
    ...options,
  });
  return { http, requests, delays };
}

describe('createHttpTransport retries', () => {
  it('retries a 503 with exponential backoff and full jitter, then succeeds', async () => {
    const { http, requests, delays } = transport([
      json(503, {}),
      json(503, {}),
      json(200, { ok: 1 }),
    ]);
    expect(await http.json('GET', '/x')).toEqual({ ok: 1 });
    expect(requests).toHaveLength(3);
    // random() = 0.5 of caps 100 ms and 200 ms.
    expect(delays).toEqual([50, 100]);
    expect(requests[0]!.url).toBe('http://registry.test/prefix/x');
  });

  it('caps the backoff at maxDelayMs', async () => {
    const steps = [json(500, {}), json(500, {}), json(500, {}), json(500, {}), json(200, {})];
    const { http, delays } = transport(steps, {
      retries: { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 300 },
      random: () => 0.999,
    });
    await http.json('GET', '/x');
    expect(delays).toEqual([99, 199, 299, 299]);
  });

  it('retries network errors and names the cause when it gives up', async () => {
    const { http, requests } = transport([networkError()], { retries: 2 });
    const error = (await http.json('GET', '/x').catch((e) => e)) as RegistryClientError;
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', details: { attempts: 3 } });
    expect(error.message).toContain('ECONNRESET');
    expect(requests).toHaveLength(3);
  });

  it('honours Retry-After seconds on a 429', async () => {
    const { http, delays } = transport([json(429, {}, { 'retry-after': '2' }), json(200, [])]);
    expect(await http.json('GET', '/x')).toEqual([]);
    expect(delays).toEqual([2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    const { http, delays } = transport([json(503, {}, { 'retry-after': at }), json(200, 1)]);
    await http.json('GET', '/x');
    expect(delays[0]).toBeGreaterThan(1_000);
    expect(delays[0]).toBeLessThanOrEqual(3_000);
  });

  it('gives up at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
    const { http, requests, delays } = transport([
      json(
        429,
        { error_code: 'SLOW_DOWN', message: 'later', details: {} },
        { 'retry-after': '3600' },
      ),
    ]);
    const error = (await http.json('GET', '/x').catch((e) => e)) as RegistryClientError;
    expect(error).toMatchObject({
      code: 'SLOW_DOWN',
      status: 429,
      details: { retryAfterMs: 3_600_000 },
    });
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('never retries a %i', async (status) => {
    const body = { error_code: 'SOME_CODE', message: 'no', details: { field: 'x' } };
    const { http, requests } = transport([json(status, body), json(200, {})]);
    const error = (await http.json('GET', '/x').catch((e) => e)) as RegistryClientError;
    expect(error).toMatchObject({ code: 'SOME_CODE', status, details: { field: 'x' } });
    expect(requests).toHaveLength(1);
  });

  it('stops after maxRetries and reports the last server error', async () => {
    const body = { error_code: 'STORAGE_UNAVAILABLE', message: 'down', details: {} };
    const { http, requests } = transport([json(503, body)], { retries: 1 });
    const error = (await http.json('GET', '/x').catch((e) => e)) as RegistryClientError;
    expect(error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      status: 503,
      details: { attempts: 2 },
    });
    expect(requests).toHaveLength(2);
  });

  it('does not retry at all with retries: 0', async () => {
    const { http, requests } = transport([json(500, {})], { retries: 0 });
    await expect(http.json('GET', '/x')).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 500 });
    expect(requests).toHaveLength(1);
  });

  it('stops retrying when the caller aborts during the backoff', async () => {
    const controller = new AbortController();
    const { http, requests } = transport([json(503, {})], {
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort();
        }),
    });
    const error = await http
      .json('GET', '/x', { signal: controller.signal })
      .catch((e: RegistryClientError) => e);
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(requests).toHaveLength(1);
  });

  it('rejects invalid retry options with INVALID_ARGUMENT', () => {
    expect(() => transport([], { retries: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => transport([], { retries: { baseDelayMs: Number.NaN } })).toThrow(/baseDelayMs/);
    expect(() => transport([], { timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('createHttpTransport requests', () => {
  it('sends JSON bodies, configured headers and query parameters', async () => {
    const { http, requests } = transport([json(200, {})], {
      headers: { authorization: 'Bearer t' },
    });
    await http.json('POST', '/a', { body: { x: 1 }, query: { deleted: 'true', skip: undefined } });
    const { url, init } = requests[0]!;
    expect(url).toBe('http://registry.test/prefix/a?deleted=true');
    expect(init?.body).toBe('{"x":1}');
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer t',
      'content-type': 'application/json',
    });
  });

  it('reports a 2xx body that is not JSON as INVALID_RESPONSE with its start', async () => {
    const { http } = transport([() => new Response('<html>proxy</html>', { status: 200 })]);
    await expect(http.json('GET', '/x')).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      details: { body: '<html>proxy</html>' },
    });
  });

  it('reports an error status without an llmsr body as HTTP_ERROR', async () => {
    const { http } = transport([() => new Response('Bad Gateway', { status: 502 })], {
      retries: 0,
    });
    await expect(http.json('GET', '/x')).rejects.toMatchObject({
      code: 'HTTP_ERROR',
      status: 502,
      details: { body: 'Bad Gateway' },
    });
  });

  it('refuses a body past maxResponseBytes, declared or streamed', async () => {
    const big = 'x'.repeat(2_000);
    const declared = transport(
      [() => new Response(big, { headers: { 'content-length': '2000' } })],
      { maxResponseBytes: 1_000 },
    );
    await expect(declared.http.json('GET', '/x')).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(big));
      },
    });
    const streamed = transport([() => new Response(stream)], { maxResponseBytes: 10_000 });
    await expect(streamed.http.json('GET', '/x')).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
  });

  it('refuses a body JSON cannot carry (BigInt, cycles) before sending anything', async () => {
    const { http, requests } = transport([json(200, {})]);
    await expect(http.json('POST', '/x', { body: { n: 1n } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(http.json('POST', '/x', { body: cyclic })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(requests).toHaveLength(0);
  });
});
