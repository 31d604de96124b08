import type http from 'node:http';
import type { Socket } from 'node:net';

/** Closes the HTTP/1.1 connections of a server that is handed sockets rather than listening. */
export interface Http1Connections {
  /** End idle connections now and each busy one as soon as its last response closes. */
  drain(): void;
  /** Cut every connection (after the grace period). */
  destroyAll(): void;
}

/**
 * Track the connections of `server`. Node tracks connections only for a server that listens
 * itself, so on a server fed through `emit('connection')` its `closeIdleConnections()` does
 * nothing and a keep-alive socket (a change-stream client, once its stream ended) would hold
 * shutdown open until the keep-alive timeout.
 */
export function trackHttp1Connections(server: http.Server): Http1Connections {
  const inFlight = new Map<Socket, number>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    if (draining) response.shouldKeepAlive = false;
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      // end(), not destroy(): the last response's bytes may still sit in the socket's buffer.
      if (draining && left === 0) socket.end();
    });
  });
  return {
    drain() {
      draining = true;
      for (const [socket, requests] of inFlight) if (requests === 0) socket.end();
    },
    destroyAll() {
      for (const socket of inFlight.keys()) socket.destroy();
    },
  };
}
