import http2 from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PATH = '/llmsr.registry.v1.SchemaRegistryService/GetSchema';
/** Field 1, length-delimited, with a length far past the end: no protobuf reader accepts it. */
const GARBAGE = Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);

const envelope = (message: Uint8Array) => {
  const frame = Buffer.alloc(5 + message.byteLength);
  frame.writeUInt32BE(message.byteLength, 1);
  frame.set(message, 5);
  return frame;
};

function grpcCall(body: Uint8Array): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(server.baseUrl);
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': PATH,
      'content-type': 'application/grpc+proto',
      te: 'trailers',
    });
    const seen: Record<string, unknown> = {};
    stream.on('response', (headers) => Object.assign(seen, headers));
    stream.on('trailers', (trailers) => Object.assign(seen, trailers));
    stream.on('data', () => {});
    stream.on('end', () => {
      session.close();
      resolve(seen);
    });
    stream.on('error', reject);
    stream.end(body);
  });
}

describe('a unary call whose binary message is garbage', () => {
  it('answers invalid_argument over the Connect protocol, not internal', async () => {
    const response = await fetch(`${server.baseUrl}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/proto' },
      body: GARBAGE,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_argument');
    expect(body.message).toContain('llmsr.registry.v1.GetSchemaRequest');
  });

  it('answers grpc-status 3 (INVALID_ARGUMENT) over gRPC', async () => {
    const answer = await grpcCall(envelope(GARBAGE));
    expect(answer['grpc-status']).toBe('3');
  });

  it('answers grpc-status 3 over gRPC-web', async () => {
    const response = await fetch(`${server.baseUrl}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web+proto' },
      body: envelope(GARBAGE),
    });
    const text = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(`${response.headers.get('grpc-status') ?? ''}${text}`).toMatch(/grpc-status: ?3/);
  });

  it('still serves a well-formed binary message on the same route', async () => {
    const response = await fetch(`${server.baseUrl}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/proto' },
      body: new Uint8Array(0),
    });
    // An empty GetSchemaRequest parses; it fails on its content, not as a parse error.
    const body = (await response.json()) as { code: string; message: string };
    expect(body.message).not.toContain('not a valid');
    expect(body.code).not.toBe('internal');
  });
});
