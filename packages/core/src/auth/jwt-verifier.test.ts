import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from './jwt-verifier.js';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A JWKS endpoint whose key set the test changes, counting fetches. */
let server: Server;
let jwksUrl = '';
let published: JWK[] = [];
let fetches = 0;
let first: KeyPair;
let rotated: KeyPair;

beforeAll(async () => {
  first = await generateKeyPair('ES256');
  rotated = await generateKeyPair('ES256');
  published = [{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'ES256' }];
  server = createServer((_req, res) => {
    fetches++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sign = (
  claims: Record<string, unknown>,
  options: { key?: KeyPair; kid?: string; alg?: string; iss?: string; aud?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? 'k1' })
    .setSubject('alice')
    .setIssuer(options.iss ?? 'https://idp.test')
    .setAudience(options.aud ?? 'llmsr')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign((options.key ?? first).privateKey);

const verifier = () =>
  createJwtVerifier({
    jwksUrl,
    issuer: 'https://idp.test',
    audience: 'llmsr',
    algorithms: ['ES256'],
    roleClaim: 'llmsr.role',
    subjectsClaim: 'llmsr.subjects',
    cooldownMs: 0,
  });

describe('the JWT verifier', () => {
  it('turns a valid token into a principal with the role and prefixes of the configured claims', async () => {
    const token = await sign({ llmsr: { role: 'writer', subjects: ['team-a.'] } });
    expect(await verifier().verify(token)).toEqual({
      id: 'jwt:alice',
      kind: 'jwt',
      role: 'writer',
      subjects: ['team-a.'],
    });
  });

  it('takes the strongest known role of a role list', async () => {
    const token = await sign({ llmsr: { role: ['reader', 'admin', 'other'] } });
    expect(await verifier().verify(token)).toMatchObject({ role: 'admin', subjects: undefined });
  });

  it.each([
    ['a wrong issuer', { iss: 'https://evil.test' }, {}],
    ['a wrong audience', { aud: 'other' }, {}],
    ['a key the JWKS does not hold', { key: undefined as never, kid: 'nope' }, {}],
    ['no known role', {}, { llmsr: { role: 'root' } }],
    ['prefixes that are not strings', {}, { llmsr: { role: 'reader', subjects: [1] } }],
    [
      'an empty prefix list (which would grant every subject)',
      {},
      { llmsr: { role: 'reader', subjects: [] } },
    ],
  ])('refuses a token with %s', async (_label, options, claims) => {
    const token = await sign({ llmsr: { role: 'reader' }, ...claims }, options);
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token without exp, which would never expire', async () => {
    const token = await new SignJWT({ llmsr: { role: 'admin' } })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('alice')
      .setIssuer('https://idp.test')
      .setAudience('llmsr')
      .sign(first.privateKey);
    await expect(verifier().verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Invalid token: claim exp missing',
    });
  });

  it('refuses an algorithm outside the pinned list, and a forged signature', async () => {
    const rsa = await generateKeyPair('RS256');
    const rsToken = await sign({ llmsr: { role: 'admin' } }, { key: rsa, alg: 'RS256' });
    await expect(verifier().verify(rsToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await sign({ llmsr: { role: 'admin' } }, { key: rotated, kid: 'k1' });
    await expect(verifier().verify(forged)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('bad signature'),
    });
  });

  it('refetches the key set when a token names an unknown kid (key rotation)', async () => {
    const jwt = verifier();
    await jwt.verify(await sign({ llmsr: { role: 'reader' } }));
    const before = fetches;
    published = [
      ...published,
      { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'ES256' },
    ];
    const token = await sign({ llmsr: { role: 'reader' } }, { key: rotated, kid: 'k2' });
    expect(await jwt.verify(token)).toMatchObject({ id: 'jwt:alice', role: 'reader' });
    expect(fetches).toBe(before + 1);
    // Cached: a second token with a known kid needs no fetch.
    await jwt.verify(token);
    expect(fetches).toBe(before + 1);
  });
});
