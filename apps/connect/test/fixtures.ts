import { type Client, createClient, type Transport } from '@connectrpc/connect';
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from '@connectrpc/connect-node';
import { createRegistry, type Registry } from '@llmsr/core';
import { SchemaRegistryService } from '@llmsr/proto';
import { type RunningConnectServer, startConnectServer } from '../src/index.js';

/** A registry in memory served on a free port. */
export interface TestServer {
  registry: Registry;
  server: RunningConnectServer;
  baseUrl: string;
  close(): Promise<void>;
}

/** Start a fresh in-memory registry and a Connect server over it. */
export async function startTestServer(
  options: { maxChangeStreams?: number; readMaxBytes?: number } = {},
): Promise<TestServer> {
  const registry = await createRegistry({ storage: 'memory:' });
  const server = await startConnectServer({ registry, port: 0, host: '127.0.0.1', ...options });
  return {
    registry,
    server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await registry.close();
    },
  };
}

/** A client transport, with whether it can carry client streams (HTTP/1.1 cannot). */
export interface TransportCase {
  name: string;
  bidi: boolean;
  create(baseUrl: string): Transport;
}

/** Every protocol the server speaks, over the HTTP versions clients use for it. */
export const TRANSPORTS: TransportCase[] = [
  {
    name: 'Connect over HTTP/2',
    bidi: true,
    create: (baseUrl) => createConnectTransport({ baseUrl, httpVersion: '2' }),
  },
  {
    name: 'Connect (JSON) over HTTP/1.1',
    bidi: false,
    create: (baseUrl) =>
      createConnectTransport({ baseUrl, httpVersion: '1.1', useBinaryFormat: false }),
  },
  {
    name: 'gRPC over HTTP/2',
    bidi: true,
    create: (baseUrl) => createGrpcTransport({ baseUrl }),
  },
  {
    name: 'gRPC-web over HTTP/1.1',
    bidi: false,
    create: (baseUrl) => createGrpcWebTransport({ baseUrl, httpVersion: '1.1' }),
  },
];

/** A typed client of the registry service. */
export type RegistryClient = Client<typeof SchemaRegistryService>;

/** A client of the registry service over a transport. */
export function createRegistryClient(transport: Transport): RegistryClient {
  return createClient(SchemaRegistryService, transport);
}

/** A JSON Schema for a person with a required name; `requireAge` makes the age required too. */
export function personSchema(options: { requireAge?: boolean } = {}): string {
  return JSON.stringify({
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer' } },
    required: options.requireAge ? ['name', 'age'] : ['name'],
  });
}

/** The requests of an array as the async iterable client streams take. */
export async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
