import type { StageHandler } from '../handler-registry.js';
import { withConfigCheck } from './config-check.js';
import { fetchJson } from './fetch-json.js';
import { HandlerError } from './handler-error.js';

/** Bounds of `http.request`. */
export const HTTP_REQUEST_LIMITS = Object.freeze({
  defaultTimeoutMs: 10_000,
  maxTimeoutMs: 300_000,
  maxResponseBytes: 10 * 1024 * 1024,
});

const METHODS = new Set(['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Options of {@link createHttpRequestHandler}. */
export interface HttpRequestHandlerOptions {
  fetch?: typeof fetch;
  maxResponseBytes?: number;
}

/**
 * The `http.request` handler: config `{ method, url, headers?, timeout_ms? }`. For POST, PUT and
 * PATCH the stage input is the JSON body; the parsed JSON response is the output (null when
 * empty). Only http and https URLs; redirects are refused rather than followed blindly.
 *
 * @example
 * ```ts
 * { id: 'lookup', handler: 'http.request', config: { method: 'POST', url: 'http://search.local/query', timeout_ms: 2000 } }
 * ```
 */
export function createHttpRequestHandler(options: HttpRequestHandlerOptions = {}): StageHandler {
  const fetchImpl = options.fetch ?? fetch;
  const handler: StageHandler = (input, { config, signal }) => {
    const method = readMethod(config.method);
    return fetchJson(fetchImpl, {
      method,
      url: readUrl(config.url),
      headers: readHeaders(config.headers),
      body: WITH_BODY.has(method) ? input : undefined,
      timeoutMs: readTimeout(config.timeout_ms),
      maxResponseBytes: options.maxResponseBytes ?? HTTP_REQUEST_LIMITS.maxResponseBytes,
      signal,
      source: 'http.request',
    });
  };
  return withConfigCheck(handler, (config) => {
    readMethod(config.method);
    readUrl(config.url);
    readHeaders(config.headers);
    readTimeout(config.timeout_ms);
  });
}

function readMethod(value: unknown): string {
  const method = typeof value === 'string' ? value.toUpperCase() : value === undefined ? 'GET' : '';
  if (!METHODS.has(method))
    throw configError('/config/method', `method must be one of ${[...METHODS].join(', ')}`);
  return method;
}

/** Reads an http(s) URL from config, or throws a non-retryable `INVALID_INPUT`. */
export function readUrl(value: unknown, path = '/config/url'): string {
  if (typeof value !== 'string') throw configError(path, 'url must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw configError(path, 'url is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw configError(path, 'url must be http or https');
  return url.toString();
}

/** Reads `{ name: value }` string headers from config. */
export function readHeaders(value: unknown, path = '/config/headers'): Record<string, string> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw configError(path, 'headers must be an object of strings');
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw configError(`${path}/${k}`, 'header values must be strings');
  }
  return value as Record<string, string>;
}

/** Reads a request timeout from config. */
export function readTimeout(value: unknown, path = '/config/timeout_ms'): number {
  if (value === undefined) return HTTP_REQUEST_LIMITS.defaultTimeoutMs;
  if (
    !Number.isInteger(value) ||
    (value as number) < 1 ||
    (value as number) > HTTP_REQUEST_LIMITS.maxTimeoutMs
  ) {
    throw configError(
      path,
      `timeout_ms must be an integer from 1 to ${HTTP_REQUEST_LIMITS.maxTimeoutMs}`,
    );
  }
  return value as number;
}

/** A configuration mistake: the same config fails every time, so it is never retried. */
export function configError(path: string, message: string): HandlerError {
  return new HandlerError('INVALID_INPUT', message, { retryable: false, details: { path } });
}
