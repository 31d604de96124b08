import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRegistry, type Registry } from '@llmsr/core';
import { DEFAULT_SERVER_CONFIG, type RunningServer, startServer } from '@llmsr/server';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  RegistryAuthError,
  RegistryClientError,
  type RegistryClientOptions,
} from '../src/index.js';
import { personSchema } from './start-test-server.js';

// The SDK's credentials against a real REST server with auth on: API keys made through
// /api/v1/auth/keys, and JWTs verified against a JWKS served here.
const ADMIN_KEY = 'sdk-test-admin-key-0123456789';
const ISSUER = 'https://idp.sdk.test';
const AUDIENCE = 'llmsr';

interface IssuedKey {
  id: string;
  key: string;
  basic_user: string;
  basic_password: string;
}

let registry: Registry;
let server: RunningServer;
let jwks: Server;
let signingKey: CryptoKey;
let url: string;

/** A token for `sub` with `claims`, signed by the identity provider's key. */
function signToken(sub: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'sdk-test' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('1h')
    .sign(signingKey);
}

async function createKey(role: string, subjects?: string[]): Promise<IssuedKey> {
  const response = await fetch(`${url}/api/v1/auth/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
    body: JSON.stringify({ name: `sdk-${role}`, role, ...(subjects ? { subjects } : {}) }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as IssuedKey;
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  signingKey = privateKey;
  const published = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'sdk-test', alg: 'ES256' }],
  });
  jwks = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(published);
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;

  registry = await createRegistry({
    storage: 'memory:',
    auth: {
      enabled: true,
      adminApiKey: ADMIN_KEY,
      jwt: { jwksUrl, issuer: ISSUER, audience: AUDIENCE },
    },
  });
  server = await startServer(
    { ...DEFAULT_SERVER_CONFIG, port: 0, host: '127.0.0.1', logLevel: 'silent' },
    { registry },
  );
  url = `http://127.0.0.1:${server.port}`;
  await createRegistryClient({ baseUrl: url, apiKey: ADMIN_KEY }).register({
    subject: 'people',
    schema: personSchema,
  });
});

afterAll(async () => {
  await server?.close();
  await registry?.close();
  jwks?.closeAllConnections();
  await new Promise((resolve) => jwks?.close(resolve));
});

type Credentials = Pick<RegistryClientOptions, 'apiKey' | 'token' | 'basicAuth'>;

const client = (credentials: Credentials) =>
  createRegistryClient({ baseUrl: url, retries: 0, ...credentials });

async function failure(call: Promise<unknown>): Promise<RegistryClientError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryClientError)) throw new Error(`expected an error, got ${error}`);
  return error;
}

/** Each way the SDK sends credentials, for a principal of `role`; with the id it is recorded as. */
const KINDS: {
  name: string;
  credentials: (role: string) => Promise<{ credentials: Credentials; principal: string }>;
}[] = [
  {
    name: 'apiKey',
    credentials: async (role) => {
      const issued = await createKey(role);
      return { credentials: { apiKey: issued.key }, principal: `key:${issued.id}` };
    },
  },
  {
    name: 'basicAuth',
    credentials: async (role) => {
      const issued = await createKey(role);
      return {
        credentials: { basicAuth: { user: issued.basic_user, password: issued.basic_password } },
        principal: `key:${issued.id}`,
      };
    },
  },
  {
    name: 'token (JWT)',
    credentials: async (role) => ({
      credentials: { token: await signToken(`${role}-user`, { llmsr_role: role }) },
      principal: `jwt:${role}-user`,
    }),
  },
];

describe.each(KINDS)('the SDK with $name', (kind) => {
  it('reads and validates as a reader, and gets FORBIDDEN for a registration', async () => {
    const reader = client((await kind.credentials('reader')).credentials);
    expect(await reader.listSubjects()).toContain('people');
    expect((await reader.getVersion('people')).version).toBe(1);
    expect((await reader.validate({ subject: 'people', data: { name: 'Ada' } })).valid).toBe(true);
    const error = await failure(reader.register({ subject: 'people-x', schema: personSchema }));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('registers as a writer, recorded as its principal whatever createdBy says', async () => {
    const { credentials, principal } = await kind.credentials('writer');
    const writer = client(credentials);
    const subject = `written-by-${kind.name.replace(/\W+/g, '-')}`;
    const registered = await writer.register({
      subject,
      schema: personSchema,
      createdBy: 'mallory',
    });
    expect(registered).toMatchObject({ subject, version: 1, created: true });
    expect((await writer.getVersion(subject)).createdBy).toBe(principal);
    const error = await failure(writer.setConfig({ compatibilityLevel: 'NONE' }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('changes the config as an admin', async () => {
    const admin = client((await kind.credentials('admin')).credentials);
    const subject = `config-by-${kind.name.replace(/\W+/g, '-')}`;
    const config = await admin.setConfig({ subject, compatibilityLevel: 'FULL' });
    expect(config.compatibilityLevel).toBe('FULL');
  });
});

describe('refusals', () => {
  it('answers UNAUTHENTICATED (401) without credentials, with a wrong key and a forged token', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ llmsr_role: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid: 'sdk-test' })
      .setSubject('eve')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    const wrongKey = `${(await createKey('admin')).key.slice(0, -4)}AAAA`;
    for (const credentials of [{}, { apiKey: wrongKey }, { token: forged }]) {
      const error = await failure(client(credentials).listSubjects());
      expect(error).toBeInstanceOf(RegistryAuthError);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('keeps a key limited to team-a. to its subjects', async () => {
    const admin = client({ apiKey: ADMIN_KEY });
    await admin.register({ subject: 'team-b.orders', schema: personSchema });
    const teamA = client({ apiKey: (await createKey('writer', ['team-a.'])).key });
    await teamA.register({ subject: 'team-a.orders', schema: personSchema });
    expect(await teamA.listSubjects()).toEqual(['team-a.orders']);
    const error = await failure(teamA.register({ subject: 'team-b.orders', schema: personSchema }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(await failure(teamA.getVersion('team-b.orders'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stops a revoked key at once, as a key and as Basic credentials', async () => {
    const issued = await createKey('writer');
    const byKey = client({ apiKey: issued.key });
    const byBasic = client({
      basicAuth: { user: issued.basic_user, password: issued.basic_password },
    });
    expect(await byKey.listSubjects()).toContain('people');
    expect(await byBasic.listSubjects()).toContain('people');

    const revoked = await fetch(`${url}/api/v1/auth/keys/${issued.id}`, {
      method: 'DELETE',
      headers: { 'x-api-key': ADMIN_KEY },
    });
    expect(revoked.status).toBe(200);
    for (const revokedClient of [byKey, byBasic]) {
      const error = await failure(revokedClient.listSubjects());
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });
});

describe('the change stream', () => {
  it('delivers only the events of subjects the key may see', async () => {
    const teamA = client({ apiKey: (await createKey('reader', ['team-a.'])).key });
    const admin = client({ apiKey: ADMIN_KEY });
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 10_000);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of teamA.subscribe({ signal: controller.signal })) {
        const data = event.data as { type?: string; subject?: string };
        if (data.type === 'schema.registered' && data.subject) seen.push(data.subject);
        if (data.subject === 'team-a.last') break;
      }
    })();
    // The stream starts at its connection: register probes until one shows it is connected.
    for (let probe = 0; !seen.some((s) => s.startsWith('team-a.probe')); probe++) {
      if (controller.signal.aborted) throw new Error('the stream never connected');
      await admin.register({ subject: `team-a.probe-${probe}`, schema: personSchema });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const subject of ['team-b.hidden', 'team-a.first', 'team-b.hidden-2', 'team-a.last']) {
      await admin.register({ subject, schema: personSchema });
    }
    await reading;
    clearTimeout(timeout);
    expect(seen.filter((subject) => !subject.startsWith('team-a.probe'))).toEqual([
      'team-a.first',
      'team-a.last',
    ]);
  });

  it('refuses the stream without credentials', async () => {
    const iterator = client({}).subscribe({ reconnect: false });
    const error = await failure(iterator.next());
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
