import type { IncomingMessage, Server } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createClientAddressResolver,
  createRegistry,
  type RateLimits,
  type Registry,
} from '@llmsr/core';
import type { Logger } from 'pino';
import { createApp } from './create-app.js';
import type { ServerMetrics } from './metrics/create-metrics.js';
import { createLogger } from './middleware/create-logger.js';
import type { ServerConfig } from './server-config.js';
import { attachChangeWebSocket } from './stream/attach-change-websocket.js';

/** A running server. */
export interface RunningServer {
  registry: Registry;
  port: number;
  /**
   * End change streams, stop accepting connections, let in-flight requests finish, then close
   * storage (unless the registry was passed in: its owner closes it).
   */
  close(): Promise<void>;
}

/** What a composition root shares with the REST server instead of letting it build its own. */
export interface SharedServerParts {
  /** The registry to serve; the caller keeps ownership (close() leaves it open). */
  registry?: Registry | undefined;
  /** Metrics shared with other servers of the process (one `/metrics` for all). */
  metrics?: ServerMetrics | undefined;
  /** The process's logger. */
  logger?: Logger | undefined;
  /** Serve HTTPS with this PEM certificate (chain) and key instead of plain HTTP. */
  tls?: TlsCredentials | undefined;
}

/** A PEM certificate (or chain) and its private key, already read from disk. */
export interface TlsCredentials {
  cert: string | Buffer;
  key: string | Buffer;
}

/**
 * The `defaultJsonDraft` option of `createRegistry` (the server default of a JSON Schema without
 * `$schema`). Typed loosely until core's option lands on this branch; core ignores unknown options.
 */
export function defaultDraftOption(config: ServerConfig): Record<string, never> {
  return (
    config.jsonSchemaDefaultDraft ? { defaultJsonDraft: config.jsonSchemaDefaultDraft } : {}
  ) as Record<string, never>;
}

/**
 * Start the REST server on the configured port (HTTPS when `shared.tls` is given), with JSON
 * request logs at `logLevel` and the change stream over WebSocket as well as SSE. It builds its own registry unless `shared` passes
 * one (as `@llmsr/registry` does, to serve the same registry over Connect).
 *
 * @example
 * ```ts
 * const server = await startServer({ ...DEFAULT_SERVER_CONFIG, port: 0, storageUrl: 'memory:' });
 * console.log(server.port);
 * await server.close();
 * ```
 */
export async function startServer(
  config: ServerConfig,
  shared: SharedServerParts = {},
): Promise<RunningServer> {
  const ownsRegistry = shared.registry === undefined;
  const registry =
    shared.registry ??
    (await createRegistry({
      storage: config.storageUrl,
      ...(config.eventRetention ? { eventRetention: config.eventRetention } : {}),
      ...defaultDraftOption(config),
      ...rateLimitOption(config.rateLimitPerMinute),
    }));
  const resolveClient = createClientAddressResolver(config.trustProxy ?? []);
  const shutdown = new AbortController();
  const app = createApp({
    registry,
    limits: { schemaBytes: config.schemaBodyLimit, dataBytes: config.dataBodyLimit },
    logger: shared.logger ?? createLogger(config.logLevel),
    corsOrigins: config.corsOrigins,
    clientAddress: (c) => {
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      return incoming ? resolveClient(incoming) : 'in-process';
    },
    metricsPublic: config.metricsPublic,
    shutdown: shutdown.signal,
    processMetrics: true,
    metrics: shared.metrics,
  });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listen = { fetch: app.fetch, port: config.port, hostname: config.host };
      const tls = shared.tls;
      const instance = serve(
        tls
          ? {
              ...listen,
              createServer: https.createServer,
              serverOptions: { cert: tls.cert, key: tls.key },
            }
          : listen,
        () => resolve(instance),
      );
      instance.once('error', reject);
    });
  } catch (error) {
    if (ownsRegistry) await registry.close();
    throw error;
  }
  const closeWebSockets = attachChangeWebSocket(server as Server, registry, {
    clientAddress: resolveClient,
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    registry,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        closeWebSockets();
        const http = server as Server;
        // Idle keep-alive sockets would hold close() open until their timeout. A change stream
        // ended by the abort leaves its connection idle only afterwards: sweep until closed.
        const sweep = setInterval(() => http.closeIdleConnections(), 25);
        http.close(() => {
          clearInterval(sweep);
          resolve();
        });
        http.closeIdleConnections();
      }).then(() => (ownsRegistry ? registry.close() : undefined));
      return closing;
    },
  };
}

/** `auth.rateLimits` giving every kind of caller `perMinute` requests (none when 0). */
function rateLimitOption(perMinute: number | undefined): { auth?: { rateLimits: RateLimits } } {
  if (!perMinute || perMinute <= 0) return {};
  return {
    auth: {
      rateLimits: { anonymous: perMinute, reader: perMinute, writer: perMinute, admin: perMinute },
    },
  };
}
