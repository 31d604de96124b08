import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  RegistryAuthError,
  RegistryClientError,
  type RegistryClientOptions,
} from '../src/index.js';
import { type AuthEchoServer, startAuthEchoServer } from './start-auth-echo-server.js';

const API_KEY = `llmsr_0123456789abcdef_${'k'.repeat(43)}`;
const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
const BASIC = `Basic ${Buffer.from('bu_1:s3cret-password').toString('base64')}`;
const ROTATED = ['rotated-1', 'rotated-2', 'rotated-3', 'rotated-4'];
const READER_TOKEN = 'reader-token';

let server: AuthEchoServer;
let bare: AuthEchoServer;

beforeAll(async () => {
  const accepted = [API_KEY, `Bearer ${JWT}`, BASIC, ...ROTATED.map((t) => `Bearer ${t}`)];
  server = await startAuthEchoServer({ accepted, forbidden: [`Bearer ${READER_TOKEN}`] });
  bare = await startAuthEchoServer({
    accepted,
    forbidden: [`Bearer ${READER_TOKEN}`],
    bareConnectErrors: true,
  });
});
afterAll(async () => {
  await server.close();
  await bare.close();
});

type Auth = Pick<RegistryClientOptions, 'apiKey' | 'token' | 'basicAuth' | 'credentials'>;

function client(transport: 'rest' | 'connect', auth: Auth, url = server.url) {
  return createRegistryClient({ baseUrl: url, transport, retries: 3, ...auth });
}

async function failure(call: Promise<unknown>): Promise<RegistryClientError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryClientError)) throw new Error(`expected an error, got ${error}`);
  return error;
}

/** One schema read and one change-stream event: a unary call and a stream on either transport. */
async function readAndSubscribe(registry: ReturnType<typeof client>) {
  const schema = await registry.getSchema(1);
  const events = [];
  for await (const event of registry.subscribe({ reconnect: false })) events.push(event);
  return { schema, events };
}

function rotating(): Auth['credentials'] {
  let calls = 0;
  return async () => ROTATED[calls++ % ROTATED.length] as string;
}

const KINDS: { name: string; auth: () => Auth; header: string; values: string[] }[] = [
  {
    name: 'an API key as X-API-Key',
    auth: () => ({ apiKey: API_KEY }),
    header: 'x-api-key',
    values: [API_KEY],
  },
  {
    name: 'a JWT as a bearer token',
    auth: () => ({ token: JWT }),
    header: 'authorization',
    values: [`Bearer ${JWT}`],
  },
  {
    name: 'basic auth',
    auth: () => ({ basicAuth: { user: 'bu_1', password: 's3cret-password' } }),
    header: 'authorization',
    values: [BASIC],
  },
  {
    name: "a credentials callback's fresh token",
    auth: () => ({ credentials: rotating() }),
    header: 'authorization',
    values: ['Bearer rotated-1', 'Bearer rotated-2'],
  },
];

describe.each(['rest', 'connect'] as const)('credentials over transport %s', (transport) => {
  it.each(KINDS)('sends $name on a unary call and on the change stream', async (kind) => {
    const start = server.requests.length;
    const { schema, events } = await readAndSubscribe(client(transport, kind.auth()));
    expect(schema.id).toBe(1);
    expect(events).toHaveLength(1);
    const seen = server.requests.slice(start);
    expect(seen.map((r) => r.path)).toEqual(
      transport === 'rest'
        ? ['/api/v1/schemas/1', '/api/v1/stream/changes']
        : [
            '/llmsr.registry.v1.SchemaRegistryService/GetSchema',
            '/llmsr.registry.v1.SchemaRegistryService/StreamSchemaChanges',
          ],
    );
    // The callback is asked once per request, so the two requests carry successive tokens.
    expect(seen.map((r) => r.headers[kind.header])).toEqual(
      kind.values.length === 1 ? [kind.values[0], kind.values[0]] : kind.values,
    );
  });

  it('refuses a client without credentials with UNAUTHENTICATED, once, without retrying', async () => {
    const start = server.requests.length;
    const registry = client(transport, {});
    const unary = await failure(registry.getSchema(1));
    expect(unary).toBeInstanceOf(RegistryAuthError);
    expect(unary).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    const stream = await failure(readAndSubscribe(registry).then(() => undefined));
    expect(stream).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(server.requests.length - start).toBe(2);
  });

  it('refuses a token without the needed role with FORBIDDEN and keeps the token out of the error', async () => {
    const error = await failure(client(transport, { token: READER_TOKEN }).getSchema(1));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(READER_TOKEN);
  });

  it('fails with CREDENTIALS_ERROR, sending nothing, when the callback throws', async () => {
    const start = server.requests.length;
    const registry = client(transport, {
      credentials: () => {
        throw new Error('identity provider down');
      },
    });
    const error = await failure(registry.getSchema(1));
    expect(error).toMatchObject({ code: 'CREDENTIALS_ERROR' });
    expect(error.message).toContain('identity provider down');
    expect(server.requests.length).toBe(start);
  });

  it('fails with CREDENTIALS_ERROR when the callback returns no token', async () => {
    const registry = client(transport, { credentials: async () => 'two\r\nlines' });
    const error = await failure(registry.getSchema(1));
    expect(error).toMatchObject({ code: 'CREDENTIALS_ERROR' });
    expect(error.message).not.toContain('lines');
  });
});

describe('refusals without an llmsr error code', () => {
  it.each([
    [{}, 'UNAUTHENTICATED', 401],
    [{ token: READER_TOKEN }, 'FORBIDDEN', 403],
  ] as const)('maps Connect %j to %s', async (auth, code, status) => {
    const registry = client('connect', auth, bare.url);
    const unary = await failure(registry.getSchema(1));
    expect(unary).toBeInstanceOf(RegistryAuthError);
    expect(unary).toMatchObject({ code, status });
    const stream = await failure(readAndSubscribe(registry).then(() => undefined));
    expect(stream).toMatchObject({ code, status });
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
  ] as const)('maps a bare REST %i (a proxy page) to %s', async (status, code) => {
    const registry = createRegistryClient({
      baseUrl: 'http://registry.test',
      retries: 2,
      fetch: async () => new Response('<html>no</html>', { status }),
    });
    const error = await failure(registry.getSchema(1));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error).toMatchObject({ code, status, details: { body: '<html>no</html>' } });
  });
});

describe('secrets stay secret', () => {
  it.each(['rest', 'connect'] as const)(
    'a %s client shows no credential when printed or serialized',
    (transport) => {
      for (const auth of [
        { apiKey: API_KEY },
        { token: JWT },
        { basicAuth: { user: 'bu_1', password: 's3cret-password' } },
      ]) {
        const registry = client(transport, auth);
        const shown = [JSON.stringify(registry), String(registry), inspect(registry, { depth: 8 })];
        for (const text of shown) {
          expect(text).not.toContain(API_KEY);
          expect(text).not.toContain(JWT);
          expect(text).not.toContain('s3cret');
        }
      }
    },
  );

  it('rejects two kinds of credentials at creation, naming the options but not the values', () => {
    let error: unknown;
    try {
      client('rest', { apiKey: API_KEY, token: JWT });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toBe('give only one of apiKey, token');
  });
});
