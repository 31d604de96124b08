import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { RegistryClientError } from './registry-client-error.js';

/** One dispatched server-sent event. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/** An incremental `text/event-stream` parser. */
export interface SseParser {
  /** Feed decoded text; returns the events completed by it. */
  push(text: string): SseMessage[];
  /** The latest reconnection delay the server asked for (`retry:`), in ms; applies at once. */
  readonly retry: number | undefined;
}

/**
 * Create an SSE parser over `eventsource-parser` (the WHATWG event-stream rules: CRLF, LF or CR
 * end a line, `:` comments, `data` lines joined with LF, an `id` containing NUL ignored, events
 * without data not dispatched). It adds what the change stream needs on top: the last event id
 * carries over to later events (as `EventSource.lastEventId` does), and a line or event past
 * `maxEventBytes` characters fails with `INVALID_RESPONSE` instead of growing without bound.
 */
export function createSseParser(maxEventBytes = 1024 * 1024): SseParser {
  let lastId: string | undefined;
  let retry: number | undefined;
  let dispatched: SseMessage[] = [];
  let overflow = false;
  const parser = createParser({
    maxBufferSize: maxEventBytes,
    onId: (id) => {
      lastId = id;
    },
    onEvent: (message: EventSourceMessage) => {
      dispatched.push({ id: lastId, event: message.event || 'message', data: message.data });
    },
    onRetry: (ms) => {
      retry = ms;
    },
    // Other parse errors (a non-numeric retry, an unknown field) are ignored, as the spec says.
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
  });

  return {
    get retry() {
      return retry;
    },
    push(text) {
      dispatched = [];
      parser.feed(text);
      if (overflow) {
        throw new RegistryClientError(
          'INVALID_RESPONSE',
          `A server-sent event is larger than ${maxEventBytes} characters`,
          undefined,
          { limit: maxEventBytes },
        );
      }
      return dispatched;
    },
  };
}
