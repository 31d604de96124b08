import type { IncomingMessage, ServerResponse } from 'node:http';
import { create, toBinary } from '@bufbuild/protobuf';
import { ErrorDetailSchema } from '@llmsr/proto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  IncompatibleSchemaError,
  type RegistryClient,
  RegistryClientError,
} from '../src/index.js';
import { startHostileServer } from './hostile-server.js';
import { startConnectTestServer } from './start-connect-test-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const fast = { retries: { maxRetries: 2, baseDelayMs: 1 } };

async function hostile(
  handler: (req: IncomingMessage, res: ServerResponse, count: number) => void,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
) {
  const server = await startHostileServer(handler);
  closers.push(server.close);
  const client = createRegistryClient({
    baseUrl: server.url,
    transport: 'connect',
    ...fast,
    ...options,
  });
  return { server, client };
}

/** Answer as a Connect server does on a failed unary call. */
function connectError(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  registryCode?: string,
) {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(registryCode ? { 'llmsr-error-code': registryCode } : {}),
  });
  res.end(JSON.stringify(body));
}

async function failure(call: Promise<unknown>): Promise<RegistryClientError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryClientError)) {
    throw new Error(`expected a RegistryClientError, got ${String(error)}`);
  }
  return error;
}

describe("transport 'connect' retries", () => {
  it('reports a refused connection as NETWORK_ERROR after retrying', async () => {
    const { server, client } = await hostile(() => {});
    await server.close();
    expect(await failure(client.getSchema(1))).toMatchObject({
      code: 'NETWORK_ERROR',
      details: { attempts: 3 },
    });
  });

  it('retries UNAVAILABLE and RESOURCE_EXHAUSTED rate limits, then reports the registry code', async () => {
    for (const [status, code, registryCode] of [
      [503, 'unavailable', 'STORAGE_UNAVAILABLE'],
      [429, 'resource_exhausted', 'RATE_LIMITED'],
    ] as const) {
      const { server, client } = await hostile((_req, res) =>
        connectError(res, status, { code, message: 'try later' }, registryCode),
      );
      const error = await failure(client.getVersion('people'));
      expect(error).toMatchObject({ code: registryCode, details: { attempts: 3 } });
      expect(server.requests()).toBe(3);
    }
  });

  it('does not retry caller errors, a payload too large, or a lost race', async () => {
    for (const [status, code, registryCode, restStatus] of [
      [400, 'invalid_argument', 'INVALID_INPUT', 400],
      [429, 'resource_exhausted', 'PAYLOAD_TOO_LARGE', 413],
      [409, 'aborted', 'CONFLICT', 409],
      [404, 'not_found', 'SUBJECT_NOT_FOUND', 404],
    ] as const) {
      const { server, client } = await hostile((_req, res) =>
        connectError(res, status, { code, message: 'no' }, registryCode),
      );
      expect(await failure(client.getVersion('people'))).toMatchObject({
        code: registryCode,
        status: restStatus,
        message: 'no',
      });
      expect(server.requests()).toBe(1);
    }
  });

  it('turns a FAILED_PRECONDITION whose ErrorDetail says INCOMPATIBLE_SCHEMA into IncompatibleSchemaError', async () => {
    const detail = create(ErrorDetailSchema, {
      code: 'INCOMPATIBLE_SCHEMA',
      message: 'breaks version 1',
      details: {
        subject: 'people',
        report: { violations: [{ rule: 'REQUIRED_FIELD_ADDED', path: '/required', old_path: '' }] },
      },
    });
    const value = Buffer.from(toBinary(ErrorDetailSchema, detail))
      .toString('base64')
      .replace(/=+$/, '');
    const { server, client } = await hostile((_req, res) =>
      connectError(res, 400, {
        code: 'failed_precondition',
        message: 'breaks version 1',
        details: [{ type: 'llmsr.registry.v1.ErrorDetail', value }],
      }),
    );
    const error = await failure(client.register({ subject: 'people', schema: { type: 'object' } }));
    expect(error).toBeInstanceOf(IncompatibleSchemaError);
    expect(error).toMatchObject({ message: 'breaks version 1', details: { subject: 'people' } });
    expect((error as IncompatibleSchemaError).violations).toEqual([
      expect.objectContaining({ rule: 'REQUIRED_FIELD_ADDED', path: '/required', oldPath: '' }),
    ]);
    expect(server.requests()).toBe(1);
  });
});

describe("transport 'connect' against hostile servers", () => {
  it('reports a server without the service as ROUTE_UNAVAILABLE without retrying', async () => {
    const { server, client } = await hostile((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    });
    expect(await failure(client.getSchema(1))).toMatchObject({ code: 'ROUTE_UNAVAILABLE' });
    expect(server.requests()).toBe(1);
  });

  it('reports an HTML page as a client error, never a crash', async () => {
    const { client } = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>');
    });
    const error = await failure(client.getSchema(1));
    expect(['RPC_ERROR', 'INVALID_RESPONSE', 'NETWORK_ERROR']).toContain(error.code);
  });

  it('reports a 200 with garbage bytes as a client error', async () => {
    const { client } = await hostile((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/proto' })
        .end(Buffer.from([0xff, 0xff, 0x01]));
    });
    expect(await failure(client.getSchema(1))).toBeInstanceOf(RegistryClientError);
  });

  it('times out a server that never answers', async () => {
    const { client } = await hostile(() => {}, { timeoutMs: 100 });
    expect(await failure(client.getSchema(1))).toMatchObject({ code: 'TIMEOUT' });
  });

  it('stops at once when the caller aborts', async () => {
    const { client } = await hostile(() => {});
    const controller = new AbortController();
    const call = client.getSchema(1, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(call)).toMatchObject({ code: 'ABORTED' });
  });

  it('sends the configured headers with every call', async () => {
    const seen: (string | undefined)[] = [];
    const { client } = await hostile(
      (req, res) => {
        seen.push(req.headers.authorization);
        connectError(res, 404, { code: 'not_found', message: 'x' }, 'SCHEMA_NOT_FOUND');
      },
      { headers: { authorization: 'Bearer t0ken' } },
    );
    await failure(client.getSchema(1));
    expect(seen).toEqual(['Bearer t0ken']);
  });
});

describe("transport 'connect' with malformed input", () => {
  it('refuses bad input before sending anything', async () => {
    const { server, client } = await hostile(() => {});
    const cases: [Promise<unknown>, string][] = [
      [client.register(null as never), 'INVALID_ARGUMENT'],
      [client.register({ subject: '', schema: {} }), 'INVALID_ARGUMENT'],
      [
        client.register({ subject: 'a', schema: {}, schemaType: 'XML' as never }),
        'INVALID_ARGUMENT',
      ],
      [
        client.register({ subject: 'a', schema: {}, compatibilityLevel: 'SOMETIMES' }),
        'INVALID_COMPATIBILITY_LEVEL',
      ],
      [client.register({ subject: 'a', schema: {}, metadata: [1] as never }), 'INVALID_ARGUMENT'],
      [client.register({ subject: 'a', schema: { n: 1n } }), 'INVALID_ARGUMENT'],
      [
        client.register({
          subject: 'a',
          schema: {},
          references: [{ name: 'x', subject: 'y', version: 1.5 }],
        }),
        'INVALID_ARGUMENT',
      ],
      [client.register({ subject: 'a', schema: {}, references: 'x' as never }), 'INVALID_ARGUMENT'],
      [client.validate({ schemaId: 1, data: { big: 1n } }), 'INVALID_ARGUMENT'],
      [client.validate({ schemaId: 2 ** 40, data: {} }), 'INVALID_ARGUMENT'],
      [client.validate({ schemaId: '', data: {} }), 'INVALID_ARGUMENT'],
      [client.validate({ subject: 'a', version: {} as never, data: {} }), 'INVALID_ARGUMENT'],
      [client.validate({ subject: 'a', strict: 'yes' as never, data: {} }), 'INVALID_ARGUMENT'],
      [
        client.checkCompatibility({ subject: 'a', schema: {}, level: 'ALWAYS' }),
        'INVALID_COMPATIBILITY_LEVEL',
      ],
      [client.validateSchema(7 as never), 'INVALID_ARGUMENT'],
      [client.getSchema(-1), 'INVALID_ARGUMENT'],
      [client.getSchema(2 ** 40), 'INVALID_ARGUMENT'],
      [client.getVersion(42 as never), 'INVALID_ARGUMENT'],
    ];
    for (const [call, code] of cases) expect(await failure(call)).toMatchObject({ code });
    expect(server.requests()).toBe(0);
  });

  it('refuses a bad baseUrl and option values at creation', () => {
    for (const options of [
      { baseUrl: 'ftp://x' },
      { baseUrl: 'http://u:p@host' },
      { baseUrl: 'http://h', timeoutMs: -1 },
      { baseUrl: 'http://h', retries: -1 },
    ]) {
      expect(() => createRegistryClient({ ...options, transport: 'connect' })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });

  it('gets a clear error, not a hang, for a schema larger than the server accepts', async () => {
    const server = await startConnectTestServer({ readMaxBytes: 2_000, closeGraceMs: 50 });
    closers.push(server.close);
    const client: RegistryClient = createRegistryClient({
      baseUrl: server.connectUrl,
      transport: 'connect',
      ...fast,
    });
    const huge = { type: 'object', description: 'x'.repeat(100_000) };
    const error = await failure(client.register({ subject: 'huge', schema: huge }));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(error.details.attempts).toBeUndefined();
  });

  it('refuses an answer larger than maxResponseBytes with RESPONSE_TOO_LARGE, without retrying', async () => {
    const server = await startConnectTestServer({ closeGraceMs: 50 });
    closers.push(server.close);
    const { version } = await server.registry.schemas.register({
      subject: 'big',
      schema: JSON.stringify({ type: 'object', description: 'y'.repeat(5_000) }),
    });
    const client = createRegistryClient({
      baseUrl: server.connectUrl,
      transport: 'connect',
      maxResponseBytes: 1_000,
      ...fast,
    });
    const error = await failure(client.getSchema(version.id));
    expect(error).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      details: { maxResponseBytes: 1_000 },
    });
    expect(error.details.attempts).toBeUndefined();
  });
});
