import { startConnectServer } from '@llmsr/connect';
import { createRegistry, type Registry } from '@llmsr/core';
import {
  createLogger,
  createMetrics,
  instrumentRegistry,
  type ServerMetrics,
  startServer,
} from '@llmsr/server';
import type { Logger } from 'pino';
import { explainListenError, explainStorageError } from './explain-startup-error.js';
import type { RegistryConfig } from './load-config.js';
import { observeRpc } from './observe-rpc.js';

/** The running registry: one storage, one registry, one set of metrics, two servers. */
export interface RunningRegistry {
  registry: Registry;
  metrics: ServerMetrics;
  /** Port of the REST API. */
  port: number;
  /** Port of the Connect-RPC server, or `undefined` when `CONNECT_PORT=off`. */
  connectPort: number | undefined;
  /** End change streams, let in-flight requests finish (Connect: at most 1 s), close storage. */
  close(): Promise<void>;
}

/** Options of {@link startRegistry}. */
export interface StartRegistryOptions {
  /** The process's logger; one at `config.logLevel` when absent. */
  logger?: Logger | undefined;
}

/** How long Connect calls may run on after close() before their connections are cut. */
const CONNECT_CLOSE_GRACE_MS = 1_000;

/**
 * Build storage, the registry and the metrics once, then start the REST server and (unless
 * `connectPort` is null) the Connect-RPC server beside it, sharing all three: `/metrics` on the
 * REST port counts Connect calls too. Failures to start are {@link StartupError}s naming the
 * setting to fix; whatever was opened is closed again.
 *
 * @example
 * ```ts
 * const running = await startRegistry(loadConfig());
 * console.log(running.port, running.connectPort); // 8081 8082
 * await running.close();
 * ```
 */
export async function startRegistry(
  config: RegistryConfig,
  options: StartRegistryOptions = {},
): Promise<RunningRegistry> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let registry: Registry;
  try {
    registry = await createRegistry({
      storage: config.storageUrl,
      eventRetention: config.eventRetention,
      defaultJsonDraft: config.jsonSchemaDefaultDraft,
    });
  } catch (error) {
    throw explainStorageError(error, config.storageUrl);
  }
  const metrics = createMetrics(registry, { processMetrics: true });
  const started: { close(): Promise<void> }[] = [];
  try {
    const rest = await startServer(config, { registry, metrics, logger }).catch((error) => {
      throw explainListenError(error, { setting: 'PORT', port: config.port, host: config.host });
    });
    started.push(rest);
    const connectPort = config.connectPort;
    const connect =
      connectPort === null
        ? undefined
        : await startConnectServer({
            // Validations over Connect feed the same counters as over REST.
            registry: instrumentRegistry(registry, metrics),
            port: connectPort,
            host: config.host,
            interceptors: [observeRpc({ prometheus: metrics.prometheus, logger })],
            closeGraceMs: CONNECT_CLOSE_GRACE_MS,
          }).catch((error) => {
            throw explainListenError(error, {
              setting: 'CONNECT_PORT',
              port: connectPort,
              host: config.host,
            });
          });
    if (connect) started.push(connect);
    let closing: Promise<void> | undefined;
    return {
      registry,
      metrics,
      port: rest.port,
      connectPort: connect?.port,
      close() {
        // Both servers drain at once; storage closes after both.
        closing ??= Promise.all(started.map((server) => server.close())).then(() =>
          registry.close(),
        );
        return closing;
      },
    };
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    await registry.close();
    throw error;
  }
}
