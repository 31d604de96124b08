import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, ISSUER, type JwksServer, startJwksServer } from './start-jwks-server.js';
import {
  ADMIN_KEY,
  bearer,
  call,
  PERSON,
  type SecuredServer,
  startSecuredServer,
} from './start-secured-server.js';

// JWT bearer tokens against a real REST server whose verifier fetches the JWKS of a real
// identity provider the test runs: signature, claims, pinned algorithms and key rotation.

let idp: JwksServer;
let secured: SecuredServer;

beforeAll(async () => {
  idp = await startJwksServer();
  secured = await startSecuredServer({
    // No cooldown, so the rotation test need not wait 30 s for jose to refetch the key set.
    auth: { jwt: { jwksUrl: idp.jwksUrl, issuer: ISSUER, audience: AUDIENCE, cooldownMs: 0 } },
  });
  const admin = { 'x-api-key': ADMIN_KEY };
  for (const subject of ['team-a.orders', 'team-b.orders']) {
    const { status } = await call(secured.url, 'POST', '/api/v1/schemas', {
      headers: admin,
      body: { subject, schema: PERSON },
    });
    expect(status).toBe(201);
  }
});

afterAll(async () => {
  await secured?.close();
  await idp?.close();
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `GET` `path` with the token; answers the status and body. */
const get = (token: string, path = '/api/v1/subjects') =>
  call(secured.url, 'GET', path, { headers: bearer(token) });

const register = (token: string, subject: string) =>
  call(secured.url, 'POST', '/api/v1/schemas', {
    headers: bearer(token),
    body: { subject, schema: PERSON },
  });

describe('a valid token', () => {
  it.each([
    { role: 'reader', read: 200, register: 403, keys: 403 },
    { role: 'writer', read: 200, register: 200, keys: 403 },
    { role: 'admin', read: 200, register: 200, keys: 200 },
  ])('with role $role reads $read, registers $register, lists keys $keys', async (row) => {
    const token = await idp.sign({ sub: `${row.role}-user`, llmsr_role: row.role });
    expect((await get(token)).status).toBe(row.read);
    // team-a.orders exists with the same schema, so an allowed registration answers 200.
    expect((await register(token, 'team-a.orders')).status).toBe(row.register);
    expect((await get(token, '/api/v1/auth/keys')).status).toBe(row.keys);
  });

  it('records the token subject as created_by, not a header', async () => {
    const token = await idp.sign({ sub: 'carol', llmsr_role: 'writer' });
    const { status, body } = await call(secured.url, 'POST', '/api/v1/schemas', {
      headers: { ...bearer(token), 'x-created-by': 'mallory', 'x-user': 'mallory' },
      body: { subject: 'team-a.by-carol', schema: PERSON },
    });
    expect(status).toBe(201);
    expect(body.created_by).toBe('jwt:carol');
  });

  it('takes the strongest known role of a list and ignores unknown ones', async () => {
    const token = await idp.sign({ llmsr_role: ['offline_access', 'reader', 'writer'] });
    expect((await register(token, 'team-a.orders')).status).toBe(200);
  });
});

describe('the subject-prefix claim', () => {
  it('limits a writer to its prefixes: registers under them, 403 elsewhere', async () => {
    const token = await idp.sign({ llmsr_role: 'writer', llmsr_subjects: ['team-a.'] });
    expect((await register(token, 'team-a.payments')).status).toBe(201);
    const refused = await register(token, 'team-b.payments');
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('FORBIDDEN');
    expect((await get(token, '/api/v1/subjects/team-b.orders/versions')).status).toBe(403);
    expect((await get(token, '/api/v1/subjects/team-a.orders/versions')).status).toBe(200);
  });

  it('filters listings to the prefixes', async () => {
    const token = await idp.sign({ llmsr_role: 'reader', llmsr_subjects: ['team-b.'] });
    const { status, body } = await get(token);
    expect(status).toBe(200);
    expect(body).toEqual(['team-b.orders']);
  });

  it('does not let a prefix-limited admin change the global config', async () => {
    const token = await idp.sign({ llmsr_role: 'admin', llmsr_subjects: ['team-a.'] });
    const { status } = await call(secured.url, 'PUT', '/api/v1/config', {
      headers: bearer(token),
      body: { compatibility_level: 'NONE' },
    });
    expect(status).toBe(403);
  });
});

describe('refused tokens answer 401 UNAUTHENTICATED', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: { what: string; reason: string; token: () => Promise<string> }[] = [
    {
      what: 'an expired token',
      reason: 'expired',
      token: () =>
        idp.sign({ llmsr_role: 'admin', iat: now() - 7200 }, { expiresAt: now() - 3600 }),
    },
    {
      what: 'a token not valid yet (nbf an hour ahead)',
      reason: 'claim nbf check_failed',
      token: () => idp.sign({ llmsr_role: 'admin', nbf: now() + 3600 }),
    },
    {
      what: 'a token of another issuer',
      reason: 'claim iss check_failed',
      token: () => idp.sign({ llmsr_role: 'admin', iss: 'https://evil.test' }),
    },
    {
      what: 'a token for another audience',
      reason: 'claim aud check_failed',
      token: () => idp.sign({ llmsr_role: 'admin', aud: 'another-service' }),
    },
    {
      what: 'a token without an audience',
      reason: 'claim aud missing',
      token: () => idp.sign({ llmsr_role: 'admin', aud: undefined }),
    },
    {
      what: 'an unsigned token (alg none)',
      reason: 'algorithm not allowed',
      token: async () => {
        const payload = { sub: 'eve', iss: ISSUER, aud: AUDIENCE, exp: now() + 60 };
        return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...payload, llmsr_role: 'admin' })}.`;
      },
    },
    {
      what: 'an HS256 token keyed with the public key (algorithm confusion)',
      reason: 'algorithm not allowed',
      token: async () => {
        // The attack: the verifier, trusting the header's alg, would use the public key it
        // knows as the HMAC secret. The attacker knows it too.
        const secret = new TextEncoder().encode(JSON.stringify(idp.publicJwk));
        return new SignJWT({ sub: 'eve', llmsr_role: 'admin' })
          .setProtectedHeader({ alg: 'HS256', kid: idp.currentKid })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .sign(secret);
      },
    },
    {
      what: "a token signed by another key under the provider's kid",
      reason: 'bad signature',
      token: async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT({ sub: 'eve', llmsr_role: 'admin' })
          .setProtectedHeader({ alg: 'RS256', kid: idp.currentKid })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    },
    {
      what: 'a token whose payload was changed after signing',
      reason: 'bad signature',
      token: async () => {
        const [header, , signature] = (await idp.sign({ llmsr_role: 'reader' })).split('.');
        const forged = { sub: 'alice', iss: ISSUER, aud: AUDIENCE, exp: now() + 60 };
        return `${header}.${base64url({ ...forged, llmsr_role: 'admin' })}.${signature}`;
      },
    },
    {
      what: 'a token without a role claim',
      reason: 'no known role in llmsr_role',
      token: () => idp.sign({}),
    },
    {
      what: 'a token with an unknown role',
      reason: 'no known role in llmsr_role',
      token: () => idp.sign({ llmsr_role: 'superuser' }),
    },
    {
      what: 'a token without sub',
      reason: 'no sub claim',
      token: () => idp.sign({ sub: undefined, llmsr_role: 'admin' }),
    },
    {
      what: 'a token whose subjects claim is not a list',
      reason: 'llmsr_subjects is not a list of prefixes',
      token: () => idp.sign({ llmsr_role: 'writer', llmsr_subjects: 'team-a.' }),
    },
    {
      what: 'a token without exp (it would never expire)',
      reason: 'claim exp missing',
      token: () => idp.sign({ llmsr_role: 'admin', exp: undefined }),
    },
    {
      what: 'a token with an empty prefix list (it would grant every subject)',
      reason: 'llmsr_subjects is empty',
      token: () => idp.sign({ llmsr_role: 'writer', llmsr_subjects: [] }),
    },
    {
      what: 'a token that is not a JWT',
      reason: 'ERR_JWS_INVALID',
      token: async () => 'not.a.jwt',
    },
  ];

  it.each(cases)('$what ($reason)', async ({ token, reason }) => {
    const presented = await token();
    const { status, body } = await get(presented);
    expect(status).toBe(401);
    expect(body.error_code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(body)).not.toContain(presented);
    expect(body.message).toBe(`Invalid token: ${reason}`);
  });
});

describe('key rotation at the identity provider', () => {
  it('refetches the JWKS for an unknown kid: the new key works without a restart, the old one stops', async () => {
    const before = await idp.sign({ llmsr_role: 'reader' });
    expect((await get(before)).status).toBe(200);
    const fetchesBefore = idp.fetches;
    const oldKid = idp.currentKid;

    await idp.rotate();
    const after = await idp.sign({ llmsr_role: 'reader' });
    expect(idp.currentKid).not.toBe(oldKid);
    expect((await get(after)).status).toBe(200);
    expect(idp.fetches).toBeGreaterThan(fetchesBefore);

    // The provider no longer publishes the old key, so its tokens are refused.
    expect((await get(before)).status).toBe(401);
    // A known kid is served from the cache.
    const cached = idp.fetches;
    expect((await get(await idp.sign({ llmsr_role: 'reader' }))).status).toBe(200);
    expect(idp.fetches).toBe(cached);
  });
});

describe('API keys and JWTs side by side', () => {
  it('accepts both on one server, each with its own role', async () => {
    const reader = await secured.createKey('reader');
    const writerToken = await idp.sign({ sub: 'dave', llmsr_role: 'writer' });
    const byKey = await call(secured.url, 'POST', '/api/v1/schemas', {
      headers: { 'x-api-key': reader.key },
      body: { subject: 'team-a.side', schema: PERSON },
    });
    expect(byKey.status).toBe(403);
    expect((await register(writerToken, 'team-a.side')).status).toBe(201);
    expect((await get(reader.key)).status).toBe(200);
    expect((await get(ADMIN_KEY, '/api/v1/auth/keys')).status).toBe(200);
  });

  it('refuses a request carrying two different credentials', async () => {
    const writer = await secured.createKey('writer');
    const token = await idp.sign({ llmsr_role: 'admin' });
    const { status } = await call(secured.url, 'GET', '/api/v1/subjects', {
      headers: { 'x-api-key': writer.key, ...bearer(token) },
    });
    expect(status).toBe(401);
  });

  it('never sends an API-key-shaped bearer to the JWT verifier', async () => {
    const fetches = idp.fetches;
    const unknown = `llmsr_0123456789abcdef_${'x'.repeat(43)}`;
    expect((await get(unknown)).status).toBe(401);
    expect(idp.fetches).toBe(fetches);
  });
});

describe('verifier options', () => {
  let other: JwksServer;
  let custom: SecuredServer;

  beforeAll(async () => {
    other = await startJwksServer();
    // Keycloak's shape: roles in realm_access.roles, prefixes under a nested claim; jose's
    // default 30 s cooldown between refetches.
    custom = await startSecuredServer({
      auth: {
        jwt: {
          jwksUrl: other.jwksUrl,
          issuer: ISSUER,
          audience: [AUDIENCE, 'other-audience'],
          roleClaim: 'realm_access.roles',
          subjectsClaim: 'llmsr.subjects',
        },
      },
    });
  });

  afterAll(async () => {
    await custom?.close();
    await other?.close();
  });

  const registerAt = (token: string, subject: string) =>
    call(custom.url, 'POST', '/api/v1/schemas', {
      headers: bearer(token),
      body: { subject, schema: PERSON },
    });

  it('reads the role from a custom claim path, ignoring the default claim', async () => {
    const writer = await other.sign({ realm_access: { roles: ['offline_access', 'writer'] } });
    expect((await registerAt(writer, 'custom.one')).status).toBe(201);
    const reader = await other.sign({ llmsr_role: 'admin', realm_access: { roles: ['reader'] } });
    expect((await registerAt(reader, 'custom.two')).status).toBe(403);
    const none = await other.sign({ llmsr_role: 'admin' });
    const refused = await registerAt(none, 'custom.three');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('Invalid token: no known role in realm_access.roles');
  });

  it('reads subject prefixes from a nested claim', async () => {
    const token = await other.sign({
      realm_access: { roles: ['writer'] },
      llmsr: { subjects: ['team-c.'] },
    });
    expect((await registerAt(token, 'team-c.events')).status).toBe(201);
    expect((await registerAt(token, 'custom.events')).status).toBe(403);
  });

  it('accepts any of several audiences', async () => {
    const token = await other.sign({ aud: 'other-audience', realm_access: { roles: ['reader'] } });
    expect(
      (await call(custom.url, 'GET', '/api/v1/subjects', { headers: bearer(token) })).status,
    ).toBe(200);
  });

  it('does not refetch the JWKS for unknown kids within the cooldown', async () => {
    const known = await other.sign({ realm_access: { roles: ['reader'] } });
    expect(
      (await call(custom.url, 'GET', '/api/v1/subjects', { headers: bearer(known) })).status,
    ).toBe(200);
    const fetches = other.fetches;
    await other.rotate();
    const unknownKid = await other.sign({ realm_access: { roles: ['reader'] } });
    for (let i = 0; i < 5; i++) {
      const { status } = await call(custom.url, 'GET', '/api/v1/subjects', {
        headers: bearer(unknownKid),
      });
      expect(status).toBe(401);
    }
    expect(other.fetches).toBe(fetches);
  });

  it('refuses an algorithm outside the pinned list even when the key verifies it', async () => {
    const es = await startJwksServer('ES256');
    const pinned = await startSecuredServer({
      auth: {
        jwt: { jwksUrl: es.jwksUrl, issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'] },
      },
    });
    try {
      const token = await es.sign({ llmsr_role: 'admin' });
      const { status, body } = await call(pinned.url, 'GET', '/api/v1/subjects', {
        headers: bearer(token),
      });
      expect(status).toBe(401);
      expect(body.message).toBe('Invalid token: algorithm not allowed');
      // The default list (RS256, ES256) takes the same token.
      const open = await startSecuredServer({
        auth: { jwt: { jwksUrl: es.jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
      });
      try {
        const ok = await call(open.url, 'GET', '/api/v1/subjects', { headers: bearer(token) });
        expect(ok.status).toBe(200);
      } finally {
        await open.close();
      }
    } finally {
      await pinned.close();
      await es.close();
    }
  });
});
