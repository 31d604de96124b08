import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { isRegistryError, type Registry } from '@llmsr/core';
import { WebSocketServer } from 'ws';
import { openChangeFeed } from './open-change-feed.js';
import { parseLastEventId } from './parse-last-event-id.js';
import { toChangeBody } from './to-change-body.js';

/** The path of the change stream, over SSE and WebSocket alike. */
export const CHANGE_STREAM_PATH = '/api/v1/stream/changes';

/**
 * Serve the change stream over WebSocket on `server`: each event is one JSON text message with
 * its `id`; `Last-Event-ID` or `?last_event_id=` on the upgrade request replays what was missed.
 * Upgrades to other paths are refused with 404. Returns a function that closes every socket.
 */
export function attachChangeWebSocket(
  server: Server,
  registry: Registry,
  options: { maxClients?: number } = {},
): () => void {
  const maxClients = options.maxClients ?? 1_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4_096 });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== CHANGE_STREAM_PATH) return refuse(socket, 404, 'ROUTE_NOT_FOUND');
    if (wss.clients.size >= maxClients) return refuse(socket, 503, 'TOO_MANY_STREAMS');
    let afterId: number | undefined;
    try {
      const header = request.headers['last-event-id'];
      afterId = parseLastEventId(
        Array.isArray(header) ? header[0] : header,
        url.searchParams.get('last_event_id'),
      );
    } catch (error) {
      return refuse(socket, 400, isRegistryError(error) ? error.code : 'INVALID_INPUT');
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const feed = openChangeFeed(
        registry,
        afterId,
        (event) => {
          ws.send(JSON.stringify(toChangeBody(event)));
        },
        (gap) => {
          ws.send(
            JSON.stringify({
              type: 'stream.gap',
              last_event_id: gap.lastEventId,
              oldest_id: gap.oldestId,
            }),
          );
        },
      );
      ws.on('close', () => feed.close());
      ws.on('error', () => feed.close());
      feed.ready.catch(() => ws.close(1011, 'replay failed'));
    });
  };
  server.on('upgrade', onUpgrade);

  return () => {
    server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    wss.close();
  };
}

const REASONS: Record<number, string> = { 404: 'Not Found', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number, code: string): void {
  const body = JSON.stringify({
    error_code: code,
    message: `WebSocket upgrade refused (${status})`,
    details: {},
  });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
