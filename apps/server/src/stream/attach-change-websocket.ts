import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ClientAddressResolver, isRegistryError, type Registry } from '@llmsr/core';
import type { Principal } from '@llmsr/spec';
import { WebSocketServer } from 'ws';
import { openChangeFeed } from './open-change-feed.js';
import { parseLastEventId } from './parse-last-event-id.js';
import { toChangeBody } from './to-change-body.js';

/** The path of the change stream, over SSE and WebSocket alike. */
export const CHANGE_STREAM_PATH = '/api/v1/stream/changes';

/** Options of {@link attachChangeWebSocket}. */
export interface ChangeWebSocketOptions {
  /** Sockets open at once; past it 503. 1,000 by default. */
  maxClients?: number;
  /** The client's address for the audit log (the socket's by default). */
  clientAddress?: ClientAddressResolver | undefined;
}

/**
 * Serve the change stream over WebSocket on `server`: each event is one JSON text message with
 * its `id`; `Last-Event-ID` or `?last_event_id=` on the upgrade request replays what was missed.
 * With auth on, the upgrade request's credentials (`Authorization`, `X-API-Key`) must allow
 * `changes.read` (401/403 otherwise), and only events of subjects the principal sees are sent.
 * Upgrades to other paths are refused with 404. Returns a function that closes every socket.
 */
export function attachChangeWebSocket(
  server: Server,
  registry: Registry,
  options: ChangeWebSocketOptions = {},
): () => void {
  const maxClients = options.maxClients ?? 1_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4_096 });

  const open = (
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    afterId: number | undefined,
    principal: Principal | undefined,
  ) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const feed = openChangeFeed(
        registry,
        afterId,
        (event) => {
          if (registry.access.canSeeEvent(principal, event)) {
            ws.send(JSON.stringify(toChangeBody(event)));
          }
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
    if (!registry.access.enabled) return open(request, socket, head, afterId, undefined);
    authorizeUpgrade(registry, request, options.clientAddress).then(
      (principal) => open(request, socket, head, afterId, principal),
      (error: unknown) => {
        const code = isRegistryError(error) ? error.code : 'INTERNAL';
        refuse(socket, STATUS_OF[code] ?? 500, code);
      },
    );
  };
  server.on('upgrade', onUpgrade);

  return () => {
    server.off('upgrade', onUpgrade);
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    wss.close();
  };
}

/** The principal of an upgrade request allowed to read changes; rejects when refused. */
async function authorizeUpgrade(
  registry: Registry,
  request: IncomingMessage,
  clientAddress: ClientAddressResolver | undefined,
): Promise<Principal | undefined> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const principal = await registry.access.authenticate({
    authorization: header('authorization'),
    apiKey: header('x-api-key'),
  });
  await registry.access.check({
    principal,
    action: 'changes.read',
    clientAddress: clientAddress?.(request) ?? request.socket.remoteAddress,
  });
  return principal;
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };
const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

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
