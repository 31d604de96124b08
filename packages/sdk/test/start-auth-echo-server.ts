import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { create, toBinary } from '@bufbuild/protobuf';
import {
  ChangeType,
  GetSchemaResponseSchema,
  SchemaType,
  StreamSchemaChangesResponseSchema,
} from '@llmsr/proto';

/** What one request carried. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A server that speaks just enough REST, SSE and Connect to check what credentials arrive. */
export interface AuthEchoServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Options of {@link startAuthEchoServer}. */
export interface AuthEchoOptions {
  /** Exact `authorization` or `x-api-key` values that are let in; everything else gets 401. */
  accepted: string[];
  /** Accepted values that are known but not allowed to do anything: 403. */
  forbidden?: string[];
  /** Send Connect refusals without the `llmsr-error-code` header, as a proxy would. */
  bareConnectErrors?: boolean;
}

const SERVICE = '/llmsr.registry.v1.SchemaRegistryService/';

const REST_SCHEMA = {
  id: 1,
  guid: 'g-1',
  subject: 'people',
  version: 1,
  semver: '1.0.0',
  schema_type: 'JSON',
  schema: { type: 'object' },
  fingerprint: 'f-1',
  references: [],
  metadata: null,
  created_at: '2026-01-01T00:00:00.000Z',
  versions: [{ subject: 'people', version: 1, deleted: false }],
};

/** One Connect streaming envelope: flags, 4-byte big-endian length, payload. */
function envelope(flags: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(flags, 0);
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

function verdict(headers: IncomingHttpHeaders, options: AuthEchoOptions): 200 | 401 | 403 {
  const presented = [headers.authorization, headers['x-api-key']].filter(
    (value): value is string => typeof value === 'string',
  );
  if (presented.some((value) => options.forbidden?.includes(value))) return 403;
  return presented.some((value) => options.accepted.includes(value)) ? 200 : 401;
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // The body does not matter here; reading it lets the client finish sending.
  }
}

/**
 * Start a node:http server on a free port that records every request's headers and answers
 * `GET /api/v1/schemas/1`, the SSE change stream (one event), and the Connect `GetSchema` and
 * `StreamSchemaChanges` RPCs (binary), or refuses them like the registry with auth on.
 */
export async function startAuthEchoServer(options: AuthEchoOptions): Promise<AuthEchoServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ method: request.method ?? '', path, headers: request.headers });
    await drain(request);
    const status = verdict(request.headers, options);
    const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    const isConnect = path.startsWith(SERVICE);
    if (status !== 200 && isConnect) {
      const connectCode = status === 401 ? 'unauthenticated' : 'permission_denied';
      const errorHeaders = options.bareConnectErrors ? {} : { 'llmsr-error-code': code };
      if (path.endsWith('/StreamSchemaChanges')) {
        const end = JSON.stringify({ error: { code: connectCode, message: 'refused' } });
        response
          .writeHead(200, { 'content-type': 'application/connect+proto', ...errorHeaders })
          .end(envelope(2, Buffer.from(end)));
      } else {
        response
          .writeHead(status, { 'content-type': 'application/json', ...errorHeaders })
          .end(JSON.stringify({ code: connectCode, message: 'refused' }));
      }
      return;
    }
    if (status !== 200) {
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: code, message: `${code.toLowerCase()} request` }));
      return;
    }
    if (path === `${SERVICE}GetSchema`) {
      const message = create(GetSchemaResponseSchema, {
        schema: {
          id: 1,
          guid: 'g-1',
          subject: 'people',
          version: 1,
          schemaType: SchemaType.JSON,
          schema: '{"type":"object"}',
          fingerprint: 'f-1',
        },
      });
      response
        .writeHead(200, { 'content-type': 'application/proto' })
        .end(Buffer.from(toBinary(GetSchemaResponseSchema, message)));
    } else if (path === `${SERVICE}StreamSchemaChanges`) {
      const change = create(StreamSchemaChangesResponseSchema, {
        id: 7n,
        type: ChangeType.SCHEMA_REGISTERED,
        subject: 'people',
        version: 1,
        schemaId: 1,
      });
      response.writeHead(200, { 'content-type': 'application/connect+proto' });
      response.write(envelope(0, toBinary(StreamSchemaChangesResponseSchema, change)));
      response.end(envelope(2, Buffer.from('{}')));
    } else if (path === '/api/v1/schemas/1') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(REST_SCHEMA));
    } else if (path === '/api/v1/stream/changes') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('id: 7\ndata: {"type":"schema.registered","subject":"people"}\n\n');
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
