import type { ChangeEvent } from './client-types.js';
import type { HttpTransport } from './http-transport.js';
import { createSseParser, type SseMessage } from './parse-sse.js';
import { RegistryClientError } from './registry-client-error.js';
import { sleep } from './sleep.js';
import { toCamelCase } from './to-camel-case.js';

/** The change stream route. */
export const CHANGE_STREAM_PATH = '/api/v1/stream/changes';

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string;
  /** Ends the iteration (it then finishes without an error). */
  signal?: AbortSignal;
  /** Reconnect after the stream drops, resuming from the last event id (default true). */
  reconnect?: boolean;
  /** Delay before reconnecting unless the server sent `retry:` (default 1,000 ms). */
  reconnectDelayMs?: number;
}

function toChangeEvent(message: SseMessage): ChangeEvent {
  let data: unknown;
  try {
    data = toCamelCase(JSON.parse(message.data));
  } catch {
    data = message.data;
  }
  return { id: message.id, event: message.event, data };
}

function isTransient(error: unknown): boolean {
  if (!(error instanceof RegistryClientError)) return false;
  if (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') return true;
  return error.status !== undefined && (error.status >= 500 || error.status === 429);
}

/**
 * Follow the registry's change stream (SSE) as an async iterator. After a dropped connection it
 * reconnects with `Last-Event-ID`, so no event is lost or repeated as long as the server keeps
 * its history; breaking out of the loop or aborting `signal` closes the connection.
 * A server without the route fails with `ROUTE_UNAVAILABLE`.
 */
export async function* subscribeToChanges(
  transport: HttpTransport,
  options: SubscribeOptions = {},
): AsyncGenerator<ChangeEvent, void, undefined> {
  const { signal } = options;
  let lastId = options.lastEventId;
  let delay = options.reconnectDelayMs ?? 1_000;
  while (!signal?.aborted) {
    let response: Response;
    try {
      response = await transport.stream(CHANGE_STREAM_PATH, {
        headers: {
          accept: 'text/event-stream',
          ...(lastId !== undefined ? { 'last-event-id': lastId } : {}),
        },
        signal,
      });
    } catch (error) {
      if (error instanceof RegistryClientError && error.code === 'ABORTED') return;
      if (error instanceof RegistryClientError && error.status === 404) {
        throw new RegistryClientError(
          'ROUTE_UNAVAILABLE',
          `This registry has no change stream (GET ${CHANGE_STREAM_PATH} answered 404)`,
          404,
          error.details,
          { cause: error },
        );
      }
      if (options.reconnect === false || !isTransient(error)) throw error;
      if (!(await pause(delay, signal))) return;
      continue;
    }
    const body = response.body;
    const type = response.headers.get('content-type') ?? '';
    if (!body || !type.toLowerCase().startsWith('text/event-stream')) {
      await body?.cancel().catch(() => {});
      // Reconnecting would only hammer whatever answers here (a proxy page, another service).
      throw new RegistryClientError(
        'INVALID_RESPONSE',
        `The change stream answered ${JSON.stringify(type.slice(0, 100))}, not text/event-stream`,
        response.status,
      );
    }
    const reader = body.getReader();
    const onAbort = () => void reader.cancel().catch(() => {});
    signal?.addEventListener('abort', onAbort, { once: true });
    const decoder = new TextDecoder();
    const parser = createSseParser();
    try {
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch {
          break; // The connection dropped: reconnect below.
        }
        if (chunk.done) break;
        const messages = parser.push(decoder.decode(chunk.value, { stream: true }));
        if (parser.retry !== undefined) delay = parser.retry;
        for (const message of messages) {
          if (message.id !== undefined) lastId = message.id;
          yield toChangeEvent(message);
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await reader.cancel().catch(() => {});
    }
    if (options.reconnect === false) return;
    if (!(await pause(delay, signal))) return;
  }
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await sleep(ms, signal);
    return true;
  } catch {
    return false;
  }
}
