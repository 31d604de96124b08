import { ConnectError, type Interceptor } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport } from '@connectrpc/connect-node';
import { createRegistry, type RateLimits, type Registry } from '@llmsr/core';
import type { AuthRole } from '@llmsr/spec';
import { type RunningConnectServer, startConnectServer } from '../../src/index.js';
import { createRegistryClient, type RegistryClient } from '../fixtures.js';

/** The bootstrap admin key of every secured test registry. */
export const ADMIN_KEY = 'boot-admin-key-0123456789';

/** A registry with auth on, served over Connect on a free port. */
export interface SecuredServer {
  registry: Registry;
  server: RunningConnectServer;
  baseUrl: string;
  /** Creates an API key through the registry (as the bootstrap admin) and answers its secret. */
  createKey(input: {
    role: AuthRole;
    subjects?: string[];
  }): Promise<{ id: string; key: string; basic: string }>;
  close(): Promise<void>;
}

/** Start an in-memory registry with auth on (and the given rate limits) and a Connect server. */
export async function startSecuredServer(
  options: { rateLimits?: RateLimits; trustProxy?: string[] } = {},
): Promise<SecuredServer> {
  const registry = await createRegistry({
    storage: 'memory:',
    auth: { enabled: true, adminApiKey: ADMIN_KEY, rateLimits: options.rateLimits ?? {} },
  });
  const server = await startConnectServer({
    registry,
    port: 0,
    host: '127.0.0.1',
    trustProxy: options.trustProxy,
  });
  const admin = await registry.access.authenticate({ authorization: `Bearer ${ADMIN_KEY}` });
  if (!admin) throw new Error('the bootstrap admin key did not authenticate');
  let keys = 0;
  return {
    registry,
    server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    async createKey(input) {
      const created = await registry.access.keys.create({ name: `key-${++keys}`, ...input }, admin);
      const basic = btoa(`${created.basic_user}:${created.basic_password}`);
      return { id: created.id, key: created.key, basic };
    },
    async close() {
      await server.close();
      await registry.close();
    },
  };
}

/** Transports that carry every kind of RPC (client and bidi streams need HTTP/2). */
export const STREAM_TRANSPORTS = [
  { name: 'Connect over HTTP/2', grpc: false },
  { name: 'gRPC', grpc: true },
] as const;

/** A client sending the given headers (credentials) on every call. */
export function clientWith(
  baseUrl: string,
  grpc: boolean,
  headers: Record<string, string> = {},
): RegistryClient {
  const withHeaders: Interceptor = (next) => (req) => {
    for (const [name, value] of Object.entries(headers)) req.header.set(name, value);
    return next(req);
  };
  const transport = grpc
    ? createGrpcTransport({ baseUrl, interceptors: [withHeaders] })
    : createConnectTransport({ baseUrl, httpVersion: '2', interceptors: [withHeaders] });
  return createRegistryClient(transport);
}

/** Every message of a server stream. */
export async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const message of stream) out.push(message);
  return out;
}

/** The ConnectError a call (or a drained stream) failed with; throws when it succeeded. */
export async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error('expected the call to fail');
}
