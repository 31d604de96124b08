import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createRegistry, type Registry } from '@llmsr/core';
import { createApp } from './create-app.js';
import type { ServerConfig } from './load-config.js';

/** A running server. */
export interface RunningServer {
  registry: Registry;
  port: number;
  /** Stop accepting connections, let in-flight requests finish, close storage. */
  close(): Promise<void>;
}

/**
 * Start the REST server on the configured port with its own registry.
 *
 * @example
 * ```ts
 * const server = await startServer({ ...loadConfig(), port: 0, storageUrl: 'memory:' });
 * console.log(server.port);
 * await server.close();
 * ```
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const registry = await createRegistry({ storage: config.storageUrl });
  const app = createApp({
    registry,
    limits: { schemaBytes: config.schemaBodyLimit, dataBytes: config.dataBodyLimit },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(instance),
    );
    instance.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    registry,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open forever.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }).then(() => registry.close());
      return closing;
    },
  };
}
