import { type ClientAuthOptions, createClientCredentials } from './client-credentials.js';
import { errorFromResponse } from './error-from-response.js';
import { readLimitedBody } from './read-limited-body.js';
import { RegistryClientError } from './registry-client-error.js';
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  resolveRetryOptions,
} from './retry-policy.js';
import { sleep as defaultSleep } from './sleep.js';

/** Options of {@link createHttpTransport}; the auth options are sent with every request. */
export interface HttpTransportOptions extends ClientAuthOptions {
  /** `http://` or `https://` URL of the registry, optionally with a path prefix. */
  baseUrl: string;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch | undefined;
  /** A retry count or {@link RetryOptions}; default 3 retries. */
  retries?: number | Partial<RetryOptions> | undefined;
  /** Per-attempt time limit up to the end of the body (up to the headers for streams); default 10 s. */
  timeoutMs?: number | undefined;
  /** Headers sent with every request (tracing; auth goes in `apiKey`, `token` and the like). */
  headers?: Record<string, string> | undefined;
  /** Largest response body accepted; default 32 MiB. */
  maxResponseBytes?: number | undefined;
  /** Random source of the backoff jitter, in [0, 1) (tests pin it). */
  random?: (() => number) | undefined;
  /** How to wait between retries (tests record the delays). */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/** One request. */
export interface RequestOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** Sends requests to the registry with timeouts, size limits and retries. */
export interface HttpTransport {
  readonly baseUrl: string;
  /** Send a request and return its parsed JSON body; throws {@link RegistryClientError}. */
  json(method: string, path: string, options?: RequestOptions): Promise<unknown>;
  /** Open a streaming GET; resolves with the 2xx response once its headers arrive. */
  stream(path: string, options?: RequestOptions): Promise<Response>;
}

function invalid(message: string, field: string): RegistryClientError {
  return new RegistryClientError('INVALID_ARGUMENT', message, undefined, { field });
}

/** The client's `baseUrl` as a URL: http(s), no credentials, query or fragment. */
export function parseBaseUrl(raw: unknown): URL {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw invalid('baseUrl must be a non-empty http(s) URL string', 'baseUrl');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`baseUrl is not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`, 'baseUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`baseUrl must use http: or https:, got ${url.protocol}`, 'baseUrl');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('baseUrl must not carry credentials; send them in headers', 'baseUrl');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid('baseUrl must not have a query or fragment', 'baseUrl');
  }
  return url;
}

/** A positive number option, or `fallback` when absent. */
export function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(`${field} must be a positive number, got ${String(value)}`, field);
  }
  return value;
}

/**
 * Create the HTTP layer of the REST client. Network errors, timeouts, 5xx and 429 are retried
 * with exponential backoff and full jitter (`Retry-After` wins when present); other 4xx never are.
 * Every request the registry serves is idempotent (registering the same schema twice returns the
 * same version), so POSTs are retried too.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = parseBaseUrl(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw invalid('fetch must be a function', 'fetch');
  const retry = resolveRetryOptions(options.retries);
  const timeoutMs = positive(options.timeoutMs, 10_000, 'timeoutMs');
  const maxBytes = positive(options.maxResponseBytes, 32 * 1024 * 1024, 'maxResponseBytes');
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const headers = { ...options.headers };
  const credentials = createClientCredentials(options);

  function urlOf(path: string, query: RequestOptions['query']): URL {
    const url = new URL(prefix + path, base);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url;
  }

  /** Run one attempt; `finish` reads what is needed from the response before the timer stops. */
  async function attempt<T>(
    method: string,
    url: URL,
    request: RequestOptions,
    bodyText: string | undefined,
    finish: (response: Response) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutMarker()), timeoutMs);
    const onAbort = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const hasBody = bodyText !== undefined;
    try {
      // Per attempt, so a rotating token is fresh on a retry and on a stream's reconnection.
      const auth = credentials ? await credentials.headers() : {};
      const response = await fetchFn(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
          ...headers,
          ...request.headers,
          ...auth,
        },
        ...(hasBody ? { body: bodyText } : {}),
        signal: controller.signal,
      });
      return await finish(response);
    } catch (error) {
      if (error instanceof RegistryClientError || error instanceof HttpFailure) throw error;
      if (request.signal?.aborted) {
        throw new RegistryClientError(
          'ABORTED',
          `${method} ${url.pathname} was aborted`,
          undefined,
          {},
          { cause: error },
        );
      }
      if (controller.signal.reason instanceof TimeoutMarker) {
        throw new RegistryClientError(
          'TIMEOUT',
          `${method} ${url.pathname} timed out after ${timeoutMs} ms`,
          undefined,
          { timeoutMs },
        );
      }
      const reason =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      throw new RegistryClientError(
        'NETWORK_ERROR',
        `${method} ${url.pathname} failed: ${reason}`,
        undefined,
        {},
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function withRetries<T>(
    method: string,
    path: string,
    request: RequestOptions,
    onSuccess: (response: Response) => Promise<T>,
  ): Promise<T> {
    const url = urlOf(path, request.query);
    const bodyText = serializeBody(request.body, method, path);
    for (let tries = 0; ; tries++) {
      if (request.signal?.aborted) {
        throw new RegistryClientError('ABORTED', `${method} ${path} was aborted`, undefined);
      }
      let delay: number;
      try {
        return await attempt(method, url, request, bodyText, async (response) => {
          if (response.ok) return onSuccess(response);
          const text = await readLimitedBody(response, maxBytes);
          throw new HttpFailure(response.status, text, response.headers.get('retry-after'));
        });
      } catch (error) {
        const failure = error instanceof HttpFailure ? error : undefined;
        const final = failure
          ? errorFromResponse(failure.status, failure.text)
          : (error as RegistryClientError);
        const retryable = failure
          ? isRetryableStatus(failure.status)
          : final.code === 'NETWORK_ERROR' || final.code === 'TIMEOUT';
        if (!retryable || tries >= retry.maxRetries) {
          if (tries > 0) final.details.attempts ??= tries + 1;
          throw final;
        }
        const asked = failure ? parseRetryAfter(failure.retryAfter) : undefined;
        if (asked !== undefined && asked > retry.maxRetryAfterMs) {
          final.details.retryAfterMs = asked;
          throw final;
        }
        delay = asked ?? backoffDelay(tries, retry, random);
      }
      try {
        await sleep(delay, request.signal);
      } catch (error) {
        throw new RegistryClientError(
          'ABORTED',
          `${method} ${path} was aborted`,
          undefined,
          {},
          { cause: error },
        );
      }
    }
  }

  return {
    baseUrl: base.href,
    json(method, path, request = {}) {
      return withRetries(method, path, request, async (response) => {
        const text = await readLimitedBody(response, maxBytes);
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new RegistryClientError(
            'INVALID_RESPONSE',
            `${method} ${path} answered HTTP ${response.status} with a body that is not JSON`,
            response.status,
            { body: text.slice(0, 200) },
          );
        }
      });
    },
    stream(path, request = {}) {
      return withRetries('GET', path, request, async (response) => response);
    },
  };
}

/** The request body as JSON, once for every attempt; a value JSON cannot carry is the caller's error. */
function serializeBody(body: unknown, method: string, path: string): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new RegistryClientError(
      'INVALID_ARGUMENT',
      `${method} ${path}: the request body cannot be sent as JSON (${(error as Error).message})`,
      undefined,
      {},
      { cause: error },
    );
  }
}

/** The reason a per-attempt timer aborts with, told apart from a caller's abort. */
class TimeoutMarker extends Error {}

/** A non-2xx answer, carried out of an attempt to the retry loop. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
    readonly retryAfter: string | null,
  ) {
    super(`HTTP ${status}`);
  }
}
