import net from 'node:net';
import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  personSchema,
  startTestServer,
  type TestServer,
} from './fixtures.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error('expected the call to fail');
}

/** Send raw bytes to the port and resolve once the server hangs up. */
function sendRaw(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
  });
}

describe('the Connect server under hostile input', () => {
  it('refuses a message above readMaxBytes with RESOURCE_EXHAUSTED', async () => {
    server = await startTestServer({ readMaxBytes: 64 * 1024 });
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    const error = await failure(
      client.validateSchema({ schema: JSON.stringify({ description: 'x'.repeat(100_000) }) }),
    );
    expect(error.code).toBe(Code.ResourceExhausted);
    // The server keeps serving.
    expect((await client.validateSchema({ schema: personSchema() })).valid).toBe(true);
  });

  it('survives garbage, truncated HTTP/2 prefaces and silent hang-ups on its port', async () => {
    server = await startTestServer();
    const { port } = server.server;
    await sendRaw(port, Buffer.from([0, 1, 2, 3, 255, 254, 253]));
    await sendRaw(port, Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u0000\u0000\u0099garbage'));
    await sendRaw(port, Buffer.from('PRI * HTT'));
    await sendRaw(port, Buffer.alloc(0));
    const http1 = await sendRaw(
      port,
      Buffer.from(
        'POST /llmsr.registry.v1.SchemaRegistryService/GetSchema HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 5\r\n\r\n{"id"',
      ),
    );
    expect(http1).toMatch(/^HTTP\/1\.1 400/);
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    expect((await client.validateSchema({ schema: personSchema() })).valid).toBe(true);
  });

  it('validates nested documents and refuses ones past the protobuf recursion limit cleanly', async () => {
    server = await startTestServer();
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    const { schema } = await client.registerSchema({ subject: 'deep', schema: personSchema() });
    const nested = (depth: number) => {
      let data: unknown = 'leaf';
      for (let i = 0; i < depth; i++) data = { name: 'n', nested: data };
      return fromJson(ValueSchema, data as never);
    };
    const selector = { case: 'schemaId', value: schema!.id } as const;
    const shallow = await client.validateData({ selector, data: nested(30) });
    expect(shallow.report?.valid).toBe(true);
    // Each JSON level is two protobuf levels (Value, Struct); decoding stops at depth 100.
    const deep = await failure(client.validateData({ selector, data: nested(80) }));
    expect(deep.message).toMatch(/recursion depth/);
    expect((await client.validateData({ selector, data: nested(1) })).report?.valid).toBe(true);
  });

  it('caps open change streams with RESOURCE_EXHAUSTED (TOO_MANY_STREAMS)', async () => {
    server = await startTestServer({ maxChangeStreams: 1 });
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    await client.registerSchema({ subject: 'capped', schema: personSchema() });
    const abort = new AbortController();
    const first = client.streamSchemaChanges({ afterEventId: 0n }, { signal: abort.signal });
    const iterator = first[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.subject).toBe('capped');
    const second = await failure(
      (async () => {
        for await (const _ of client.streamSchemaChanges({})) break;
      })(),
    );
    expect(second.code).toBe(Code.ResourceExhausted);
    expect(second.metadata.get('llmsr-error-code')).toBe('TOO_MANY_STREAMS');
    abort.abort();
    await iterator.next().catch(() => undefined);
  });

  it('rejects a negative after_event_id with INVALID_ARGUMENT', async () => {
    server = await startTestServer();
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    const error = await failure(
      (async () => {
        for await (const _ of client.streamSchemaChanges({ afterEventId: -5n })) break;
      })(),
    );
    expect(error.code).toBe(Code.InvalidArgument);
  });

  it('ends open change streams when it closes', async () => {
    server = await startTestServer();
    const client = createRegistryClient(createGrpcTransport({ baseUrl: server.baseUrl }));
    await client.registerSchema({ subject: 'closing', schema: personSchema() });
    const received: string[] = [];
    const stream = (async () => {
      for await (const event of client.streamSchemaChanges({ afterEventId: 0n })) {
        received.push(event.subject);
      }
    })();
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const closed = server.close();
    server = undefined;
    // The stream ends (cleanly or with an error), it does not hang the close.
    await stream.catch(() => undefined);
    await closed;
    expect(received).toEqual(['closing']);
  });
});
