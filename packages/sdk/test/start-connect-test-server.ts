import { type RunningConnectServer, startConnectServer } from '@llmsr/connect';
import { createRegistry, type Registry } from '@llmsr/core';
import type { RunningServer } from '@llmsr/server';
import { startTestServer } from './start-test-server.js';

/** A fresh in-memory registry served by a Connect server on a free port. */
export interface ConnectTestServer {
  registry: Registry;
  connect: RunningConnectServer;
  connectUrl: string;
  close(): Promise<void>;
}

/** Start a Connect server over a fresh `createRegistry({ storage: 'memory:' })`. */
export async function startConnectTestServer(
  options: { readMaxBytes?: number; closeGraceMs?: number } = {},
): Promise<ConnectTestServer> {
  const registry = await createRegistry({ storage: 'memory:' });
  const connect = await startConnectServer({ registry, port: 0, host: '127.0.0.1', ...options });
  return {
    registry,
    connect,
    connectUrl: `http://127.0.0.1:${connect.port}`,
    async close() {
      await connect.close();
      await registry.close();
    },
  };
}

/** The REST server and a Connect server over the same registry, as `pnpm start` runs them. */
export interface BothServers {
  rest: RunningServer;
  connect: RunningConnectServer;
  restUrl: string;
  connectUrl: string;
  close(): Promise<void>;
}

/** Start the REST server (memory storage) and a Connect server on its registry. */
export async function startBothServers(): Promise<BothServers> {
  const rest = await startTestServer();
  const connect = await startConnectServer({ registry: rest.registry, port: 0, host: '127.0.0.1' });
  return {
    rest,
    connect,
    restUrl: `http://127.0.0.1:${rest.port}`,
    connectUrl: `http://127.0.0.1:${connect.port}`,
    async close() {
      await connect.close();
      await rest.close();
    },
  };
}
