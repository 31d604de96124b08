import { startConnectServer } from '@llmsr/connect';
import type { ServerConfig } from './load-config.js';
import { type RunningServer, startServer } from './start-server.js';

/** The REST server and, unless disabled, the Connect-RPC server on the same registry. */
export interface RunningServers extends RunningServer {
  /** Port of the Connect-RPC server (Connect, gRPC, gRPC-web), or `undefined` when disabled. */
  connectPort: number | undefined;
}

/**
 * Start what `pnpm start` runs: the REST server, then the Connect-RPC server on `connectPort`
 * sharing its registry instance and storage (`null` leaves Connect off).
 *
 * @example
 * ```ts
 * const servers = await startServers({ ...loadConfig(), port: 0, connectPort: 0, storageUrl: 'memory:' });
 * console.log(servers.port, servers.connectPort);
 * await servers.close();
 * ```
 */
export async function startServers(
  config: ServerConfig & { connectPort: number | null },
): Promise<RunningServers> {
  const rest = await startServer(config);
  let connect: Awaited<ReturnType<typeof startConnectServer>> | undefined;
  try {
    connect =
      config.connectPort === null
        ? undefined
        : await startConnectServer({
            registry: rest.registry,
            port: config.connectPort,
            host: config.host,
          });
  } catch (error) {
    await rest.close();
    throw error;
  }
  return {
    registry: rest.registry,
    port: rest.port,
    connectPort: connect?.port,
    // The Connect server leaves the registry open: close it first, then REST closes storage.
    close: async () => {
      await connect?.close();
      await rest.close();
    },
  };
}
