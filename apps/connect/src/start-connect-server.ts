import { setMaxListeners } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { createContextValues, type Interceptor } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { createClientAddressResolver, type Registry } from '@llmsr/core';
import { SchemaRegistryService } from '@llmsr/proto';
import { CLIENT_ADDRESS_KEY } from './access-context.js';
import { accessIsActive, authorizeRpc } from './authorize-rpc.js';
import { createRegistryService, type RegistryServiceOptions } from './create-registry-service.js';
import { guardBinaryRequests, refuseMalformedMessage } from './guard-binary-requests.js';
import { trackHttp1Connections } from './track-http1-connections.js';

/** Options of {@link startConnectServer}. */
export interface ConnectServerOptions extends RegistryServiceOptions {
  /** The registry to serve, typically the REST server's own instance. */
  registry: Registry;
  /** Port to listen on; 0 picks a free one. Default: 8082 (`@llmsr/registry` reads `CONNECT_PORT`). */
  port?: number;
  /** Interface to listen on (default `0.0.0.0`). */
  host?: string;
  /** Largest request message in bytes (default 10,000,000); larger ones fail with RESOURCE_EXHAUSTED. */
  readMaxBytes?: number;
  /** How long close() lets in-flight calls finish before cutting connections (default 5,000 ms). */
  closeGraceMs?: number;
  /**
   * Run around every call, outermost first (metrics and logging from the composition root).
   * Access control (`authorizeRpc` over `registry.access`) runs inside them, so they see its
   * refusals too.
   */
  interceptors?: Interceptor[];
  /**
   * `TRUST_PROXY`: the proxies (addresses, CIDR ranges, `loopback`, ...) whose
   * `X-Forwarded-For` gives the client address for rate limits and the audit log; by default
   * the socket's address is used.
   */
  trustProxy?: string[] | undefined;
  /**
   * Serve over TLS with this PEM certificate (chain) and key: HTTP/2 (ALPN `h2`) and HTTP/1.1
   * on the same port, as without TLS.
   */
  tls?: { cert: string | Buffer; key: string | Buffer } | undefined;
}

/** A running Connect server. */
export interface RunningConnectServer {
  port: number;
  /** End change streams, stop accepting connections, let in-flight calls finish. Leaves the registry open. */
  close(): Promise<void>;
}

/** The port the Connect server listens on when none is given. */
export const DEFAULT_CONNECT_PORT = 8082;

/** Bytes every HTTP/2 connection starts with (RFC 9113 section 3.4). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n');
/** A client that connects and says nothing is dropped after this long. */
const FIRST_BYTES_TIMEOUT_MS = 10_000;

/**
 * Serve `SchemaRegistryService` over Connect, gRPC and gRPC-web on one port: HTTP/2 (gRPC
 * clients) and HTTP/1.1 (browsers, curl, gRPC-web proxies), told apart by the first bytes; over
 * TLS when `options.tls` is given (the same sniffing runs on the decrypted stream).
 *
 * @example
 * ```ts
 * const registry = await createRegistry({ storage: 'memory:' });
 * const server = await startConnectServer({ registry, port: 8082 });
 * // ... later
 * await server.close();
 * await registry.close();
 * ```
 */
export async function startConnectServer(
  options: ConnectServerOptions,
): Promise<RunningConnectServer> {
  const shutdown = new AbortController();
  // Every in-flight call listens to the shutdown signal; thousands at once are expected.
  setMaxListeners(0, shutdown.signal);
  const readMaxBytes = options.readMaxBytes ?? 10_000_000;
  // Auth off, no rate limit, no audit: no interceptor and no address lookup, so calls cost as before.
  const guarded = accessIsActive(options.registry);
  const clientAddress = createClientAddressResolver(options.trustProxy ?? []);
  const handler = connectNodeAdapter({
    routes: (router) => {
      router.service(SchemaRegistryService, createRegistryService(options.registry, options));
      guardBinaryRequests(router, readMaxBytes);
    },
    contextValues: guarded
      ? (req) =>
          createContextValues().set(CLIENT_ADDRESS_KEY, clientAddress(req as http.IncomingMessage))
      : () => createContextValues(),
    requestGate: refuseMalformedMessage,
    readMaxBytes,
    shutdownSignal: shutdown.signal,
    interceptors: [
      ...(options.interceptors ?? []),
      ...(guarded ? [authorizeRpc(options.registry)] : []),
    ],
  });
  const h2 = http2.createServer(handler);
  const h1 = http.createServer(handler);
  const h1Connections = trackHttp1Connections(h1);
  const sessions = new Set<http2.Http2Session>();
  // Every accepted socket, so close() can cut what a protocol server leaves behind.
  const sockets = new Set<net.Socket>();
  // The socket being handed to h2: its 'session' event fires synchronously inside emit().
  let handing: net.Socket | undefined;
  h2.on('session', (session) => {
    sessions.add(session);
    const socket = handing;
    session.once('close', () => {
      sessions.delete(session);
      // A closed session does not always end the socket it was handed (it stays open until the
      // client hangs up, which held shutdown for seconds): end it, flushing what is queued.
      socket?.end();
    });
  });

  // Without noDelay, Nagle's algorithm holds small gRPC frames back for tens of milliseconds.
  // With TLS, a tls.Server (rather than http2.createSecureServer) keeps one dispatch and one
  // shutdown path for both: each decrypted socket is handed on exactly like a plain one.
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Until a protocol server owns the socket, a reset must not crash the process.
    socket.on('error', () => socket.destroy());
    socket.setTimeout(FIRST_BYTES_TIMEOUT_MS, () => socket.destroy());
    // Read the first bytes in paused mode and put them back: http2 hands the socket's buffered
    // bytes to its session only when the socket never switched to flowing mode.
    socket.once('readable', () => {
      const chunk = socket.read() as Buffer | null;
      if (chunk === null) return void socket.destroy();
      socket.setTimeout(0);
      socket.unshift(chunk);
      const isH2 = H2_PREFACE.subarray(0, chunk.length).equals(
        chunk.subarray(0, H2_PREFACE.length),
      );
      if (isH2) {
        handing = socket;
        h2.emit('connection', socket);
        handing = undefined;
      } else {
        h1.emit('connection', socket);
      }
    });
  };
  const server = options.tls
    ? tls.createServer(
        {
          noDelay: true,
          cert: options.tls.cert,
          key: options.tls.key,
          ALPNProtocols: ['h2', 'http/1.1'],
          handshakeTimeout: FIRST_BYTES_TIMEOUT_MS,
        },
        onSocket,
      )
    : net.createServer({ noDelay: true }, onSocket);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_CONNECT_PORT, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        server.close(() => resolve());
        for (const session of sessions) session.close();
        h1Connections.drain();
        const force = setTimeout(() => {
          for (const session of sessions) session.destroy();
          h1Connections.destroyAll();
          for (const socket of sockets) socket.destroy();
        }, options.closeGraceMs ?? 5_000);
        force.unref();
        server.once('close', () => clearTimeout(force));
      });
      return closing;
    },
  };
}
