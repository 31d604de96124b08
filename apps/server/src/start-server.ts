import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createRegistry, type Registry } from '@llmsr/core';
import { createApp } from './create-app.js';
import type { ServerConfig } from './load-config.js';
import { createLogger } from './middleware/create-logger.js';
import { attachChangeWebSocket } from './stream/attach-change-websocket.js';

/** A running server. */
export interface RunningServer {
  registry: Registry;
  port: number;
  /** End change streams, stop accepting connections, let in-flight requests finish, close storage. */
  close(): Promise<void>;
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
 * Start the REST server on the configured port with its own registry, JSON request logs at
 * `logLevel`, and the change stream over WebSocket as well as SSE.
 *
 * @example
 * ```ts
 * const server = await startServer({ ...loadConfig(), port: 0, storageUrl: 'memory:' });
 * console.log(server.port);
 * await server.close();
 * ```
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const registry = await createRegistry({
    storage: config.storageUrl,
    ...(config.eventRetention ? { eventRetention: config.eventRetention } : {}),
    ...defaultDraftOption(config),
  });
  const shutdown = new AbortController();
  const app = createApp({
    registry,
    limits: { schemaBytes: config.schemaBodyLimit, dataBytes: config.dataBodyLimit },
    logger: createLogger(config.logLevel),
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    shutdown: shutdown.signal,
    processMetrics: true,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(instance),
    );
    instance.once('error', reject);
  });
  const closeWebSockets = attachChangeWebSocket(server as Server, registry);
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    registry,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        closeWebSockets();
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open forever.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }).then(() => registry.close());
      return closing;
    },
  };
}
