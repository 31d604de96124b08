import { ConnectError, type Interceptor } from '@connectrpc/connect';
import { codeToString } from '@connectrpc/connect/protocol-connect';
import type { Logger } from 'pino';
import { Histogram, type Registry as PromRegistry } from 'prom-client';

/** Options of {@link observeRpc}. */
export interface ObserveRpcOptions {
  /** The Prometheus registry `/metrics` renders (the REST app's), so one scrape sees both APIs. */
  prometheus: PromRegistry;
  /** One line per call, like the REST request log; none when absent. */
  logger?: Logger | undefined;
}

/**
 * A Connect interceptor that counts and times every call (Connect, gRPC and gRPC-web) in
 * `rpc_request_duration_seconds{method, code}` (its `_count` is the call count) and logs it.
 * A streaming call is timed until its last response message.
 *
 * @example
 * ```ts
 * const metrics = createMetrics(registry);
 * await startConnectServer({ registry, interceptors: [observeRpc({ prometheus: metrics.prometheus })] });
 * ```
 */
export function observeRpc(options: ObserveRpcOptions): Interceptor {
  const duration = new Histogram({
    name: 'rpc_request_duration_seconds',
    help: 'Connect, gRPC and gRPC-web call duration by method and status code (streams: until their last message).',
    labelNames: ['method', 'code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [options.prometheus],
  });
  const { logger } = options;
  return (next) => async (request) => {
    const started = process.hrtime.bigint();
    const method = request.method.name;
    const finish = (error: unknown) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const code = error === undefined ? 'ok' : codeToString(ConnectError.from(error).code);
      duration.observe({ method, code }, seconds);
      if (!logger || logger.level === 'silent') return;
      const line = {
        rpc: `${request.service.typeName}/${method}`,
        code,
        duration_ms: seconds * 1e3,
      };
      if (code === 'internal' || code === 'unknown') logger.error(line, 'rpc failed');
      else if (code !== 'ok') logger.warn(line, 'rpc refused');
      else logger.info(line, 'rpc');
    };
    let response: Awaited<ReturnType<typeof next>>;
    try {
      response = await next(request);
    } catch (error) {
      finish(error);
      throw error;
    }
    if (!response.stream) {
      finish(undefined);
      return response;
    }
    return { ...response, message: observeMessages(response.message, finish) };
  };
}

async function* observeMessages<T>(
  messages: AsyncIterable<T>,
  finish: (error: unknown) => void,
): AsyncGenerator<T> {
  let failure: unknown;
  try {
    yield* messages;
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    finish(failure);
  }
}
