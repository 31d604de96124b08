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
import { readTlsCredentials } from './read-tls-credentials.js';
import { StartupError } from './startup-error.js';

/** The running registry: one storage, one registry, one set of metrics, two servers. */
export interface RunningRegistry {
  registry: Registry;
  metrics: ServerMetrics;
  /** Port of the REST API. */
  port: number;
  /** Port of the Connect-RPC server, or `undefined` when `CONNECT_PORT=off`. */
  connectPort: number | undefined;
  /** Whether both ports serve TLS (`TLS_CERT_FILE` and `TLS_KEY_FILE` set). */
  tls: boolean;
  /** End change streams, let in-flight requests finish (Connect: at most 1 s), close storage. */
  close(): Promise<void>;
}

/** Options of {@link startRegistry}. */
export interface StartRegistryOptions {
  /** The process's logger; one at `config.logLevel` when absent. */
  logger?: Logger | undefined;
}

/**
 * With `AUTH=on`, someone must be able to administer the registry: the bootstrap
 * `ADMIN_API_KEY`, an identity provider (`AUTH_JWKS_URL`), or an admin key stored by an earlier
 * start. Otherwise every request would be refused forever: refuse to start instead.
 */
async function refuseUnsafeAuth(config: RegistryConfig, registry: Registry): Promise<void> {
  const { auth } = config;
  if (!auth.enabled || auth.adminApiKey || auth.jwt) return;
  const { items } = await registry.access.keys.list({ limit: 1_000 });
  if (items.some((key) => key.role === 'admin' && key.revokedAt === null)) return;
  throw new StartupError(
    'ADMIN_API_KEY',
    'AUTH=on needs an administrator: set ADMIN_API_KEY (at least 16 characters) or AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE',
  );
}

/** How long Connect calls may run on after close() before their connections are cut. */
const CONNECT_CLOSE_GRACE_MS = 1_000;

/** Hosts that only this machine can reach. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether `host` is reachable only from this machine (`localhost`, `127.0.0.0/8`, `::1`). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

/**
 * Build storage, the registry and the metrics once, then start the REST server and (unless
 * `connectPort` is null) the Connect-RPC server beside it, sharing all three: `/metrics` on the
 * REST port counts Connect calls too. With `config.tls`, both serve TLS from files read once here.
 * Failures to start are {@link StartupError}s naming the setting to fix; whatever was opened is
 * closed again. Without authentication (none exists yet), a `HOST` other than loopback logs a
 * warning: anyone who reaches the ports can change or delete every schema.
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
  // Read and checked before storage opens: a bad key fails fast and leaves nothing to close.
  const tls = config.tls ? readTlsCredentials(config.tls) : undefined;
  let registry: Registry;
  try {
    registry = await createRegistry({
      storage: config.storageUrl,
      eventRetention: config.eventRetention,
      defaultJsonDraft: config.jsonSchemaDefaultDraft,
      auth: {
        ...config.auth,
        onAuditError: (error) => logger.error({ err: error }, 'audit entry not stored'),
      },
    });
  } catch (error) {
    throw explainStorageError(error, config.storageUrl);
  }
  try {
    await refuseUnsafeAuth(config, registry);
  } catch (error) {
    await registry.close();
    throw error;
  }
  const metrics = createMetrics(registry, { processMetrics: true });
  const started: { close(): Promise<void> }[] = [];
  try {
    const rest = await startServer(config, { registry, metrics, logger, tls }).catch((error) => {
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
            trustProxy: config.trustProxy,
            tls,
          }).catch((error) => {
            throw explainListenError(error, {
              setting: 'CONNECT_PORT',
              port: connectPort,
              host: config.host,
            });
          });
    if (connect) started.push(connect);
    if (!config.auth.enabled && !isLoopbackHost(config.host)) {
      logger.warn(
        { host: config.host },
        'authentication is off: anyone who can reach this host can change and delete every schema; set AUTH=on with ADMIN_API_KEY, or HOST=127.0.0.1',
      );
    }
    let closing: Promise<void> | undefined;
    return {
      registry,
      metrics,
      port: rest.port,
      connectPort: connect?.port,
      tls: tls !== undefined,
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
