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
 * Create an SSE parser following the WHATWG event-stream rules (any of CRLF, LF, CR ends a line;
 * `:` comments; `data` lines joined with LF; an `id` containing NUL ignored; events with no data
 * not dispatched). Lines or events beyond `maxEventBytes` characters fail with
 * `INVALID_RESPONSE` instead of growing without bound.
 */
export function createSseParser(maxEventBytes = 1024 * 1024): SseParser {
  let buffer = '';
  let pendingCr = false;
  let data: string[] = [];
  let dataSize = 0;
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;

  function tooLarge(): RegistryClientError {
    return new RegistryClientError(
      'INVALID_RESPONSE',
      `A server-sent event is larger than ${maxEventBytes} characters`,
      undefined,
      { limit: maxEventBytes },
    );
  }

  function line(text: string, out: SseMessage[]): void {
    if (text === '') {
      if (data.length > 0) out.push({ id, event: event || 'message', data: data.join('\n') });
      data = [];
      dataSize = 0;
      event = '';
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      dataSize += value.length + 1;
      if (dataSize > maxEventBytes) throw tooLarge();
      data.push(value);
    } else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }

  return {
    get retry() {
      return retry;
    },
    push(text) {
      const out: SseMessage[] = [];
      let start = 0;
      buffer += text;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch === '\n' && pendingCr) {
          // The LF of a CRLF whose CR already ended the line.
          pendingCr = false;
          start = i + 1;
          continue;
        }
        pendingCr = false;
        if (ch === '\n' || ch === '\r') {
          line(buffer.slice(start, i), out);
          pendingCr = ch === '\r';
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
      if (buffer.length > maxEventBytes) throw tooLarge();
      return out;
    },
  };
}
