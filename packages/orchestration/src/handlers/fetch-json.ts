import { HandlerError } from './handler-error.js';

/** A JSON HTTP call. */
export interface FetchJsonRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  maxResponseBytes: number;
  signal: AbortSignal;
  /** The handler name, for messages. */
  source: string;
}

/**
 * Sends a request and reads a JSON (or empty) response, bounded in time and size. Errors carry
 * stable codes: `HTTP_<status>` (4xx other than 408/429 not retryable), `HTTP_TIMEOUT`,
 * `HTTP_RESPONSE_TOO_LARGE`, `HTTP_INVALID_JSON`, or the network code (`ECONNREFUSED`...).
 */
export async function fetchJson(
  fetchImpl: typeof fetch,
  request: FetchJsonRequest,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = AbortSignal.any([request.signal, timeout]);
  const where = `${request.method} ${redact(request.url)}`;
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers:
        request.body === undefined
          ? request.headers
          : { 'content-type': 'application/json', ...request.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      redirect: 'error',
    });
  } catch (error) {
    throw networkError(error, request, where, timeout);
  }
  let text: string;
  try {
    text = await readBounded(response, request.maxResponseBytes, where);
  } catch (error) {
    if (error instanceof HandlerError) throw error;
    throw networkError(error, request, where, timeout);
  }
  if (!response.ok) {
    const status = response.status;
    throw new HandlerError(
      `HTTP_${status}`,
      `${request.source}: ${where} answered ${status}: ${text.slice(0, 500)}`,
      {
        retryable: status >= 500 || status === 408 || status === 429,
        details: { status, body: text.slice(0, 2_000) },
      },
    );
  }
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new HandlerError(
      'HTTP_INVALID_JSON',
      `${request.source}: ${where} did not answer JSON: ${text.slice(0, 200)}`,
      {
        details: { status: response.status },
      },
    );
  }
}

function networkError(
  error: unknown,
  request: FetchJsonRequest,
  where: string,
  timeout: AbortSignal,
): unknown {
  if (request.signal.aborted) return request.signal.reason;
  if (timeout.aborted) {
    return new HandlerError(
      'HTTP_TIMEOUT',
      `${request.source}: ${where} timed out after ${request.timeoutMs} ms`,
      {
        details: { timeoutMs: request.timeoutMs },
      },
    );
  }
  const cause = (error as { cause?: { code?: unknown; message?: string } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'HTTP_NETWORK_ERROR';
  return new HandlerError(
    code,
    `${request.source}: ${where} failed: ${cause?.message ?? (error as Error).message}`,
    { cause: error },
  );
}

async function readBounded(response: Response, maxBytes: number, where: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(where, maxBytes);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      // Stop reading: the rest of a hostile body never reaches memory.
      await response.body.cancel().catch(() => {});
      throw tooLarge(where, maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(where: string, maxBytes: number) {
  return new HandlerError(
    'HTTP_RESPONSE_TOO_LARGE',
    `${where}: response is larger than ${maxBytes} bytes`,
    {
      retryable: false,
      details: { maxBytes },
    },
  );
}

/** Drops credentials and the query from a URL for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}
