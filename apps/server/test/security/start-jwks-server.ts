import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

/** The issuer and audience every token of {@link JwksServer.sign} carries unless overridden. */
export const ISSUER = 'https://idp.test';
export const AUDIENCE = 'llmsr';

/** A signing key the identity provider holds, with its public JWK as published. */
interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A small identity provider: a JWKS over HTTP and tokens signed with its current key. */
export interface JwksServer {
  /** The JWKS document's URL (`AUTH_JWKS_URL`). */
  jwksUrl: string;
  /** How many times the JWKS was fetched. */
  readonly fetches: number;
  /** The `kid` of the key {@link sign} uses. */
  readonly currentKid: string;
  /** The current key's public JWK, as published. */
  readonly publicJwk: JWK;
  /**
   * A token of the current key: `sub`, `iss`, `aud`, `iat` and `exp` (an hour) by default;
   * `claims` adds or replaces claims (`undefined` removes one).
   */
  sign(claims?: Record<string, unknown>, options?: { expiresAt?: number }): Promise<string>;
  /** Replaces the published key with a new one (new `kid`), as a key rotation does. */
  rotate(): Promise<void>;
  close(): Promise<void>;
}

let kids = 0;

async function newSigningKey(alg: SigningKey['alg']): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `test-key-${++kids}`;
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

/**
 * Start a JWKS server on a free loopback port, publishing one fresh `alg` key (RS256 by default).
 *
 * @example
 * ```ts
 * const idp = await startJwksServer();
 * const token = await idp.sign({ sub: 'alice', llmsr_role: 'writer' });
 * ```
 */
export async function startJwksServer(alg: SigningKey['alg'] = 'RS256'): Promise<JwksServer> {
  let key = await newSigningKey(alg);
  let fetches = 0;
  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetches() {
      return fetches;
    },
    get currentKid() {
      return key.kid;
    },
    get publicJwk() {
      return key.publicJwk;
    },
    async sign(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        sub: 'alice',
        iss: ISSUER,
        aud: AUDIENCE,
        iat: now,
        exp: options.expiresAt ?? now + 3600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) {
        if (value === undefined) delete payload[name];
      }
      return new SignJWT(payload as JWTPayload)
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
    async rotate() {
      key = await newSigningKey(alg);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
