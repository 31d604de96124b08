import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  basic,
  type IssuedKey,
  PERSON,
  type SecuredServer,
  startSecuredServer,
} from './start-secured-server.js';

// The REST server over HTTPS with auth on, with a self-signed certificate made here with the
// openssl CLI (as apps/registry's TLS tests do).
let dir: string;
let ca: Buffer;
let secured: SecuredServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'llmsr-sec-tls-'));
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      ...['-keyout', keyFile, '-out', certFile],
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(certFile);
  secured = await startSecuredServer({ tls: { cert: ca, key: readFileSync(keyFile) } });
});

afterAll(async () => {
  await secured?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** An HTTPS request trusting only the test's certificate. */
function request(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; trust?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown> & unknown[] }> {
  return new Promise((resolve, reject) => {
    const outgoing = https.request(
      `${secured.url}${path}`,
      {
        method,
        ...(options.trust === false ? {} : { ca }),
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

describe('the REST server over TLS with auth on', () => {
  let writer: IssuedKey;

  beforeAll(async () => {
    const created = await request('POST', '/api/v1/auth/keys', {
      headers: { 'x-api-key': ADMIN_KEY },
      body: { name: 'tls-writer', role: 'writer' },
    });
    expect(created.status).toBe(201);
    writer = created.body as unknown as IssuedKey;
  });

  it('serves an https:// URL', () => {
    expect(secured.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a request with an API key, as X-API-Key, Bearer or Basic', async () => {
    const registered = await request('POST', '/api/v1/schemas', {
      headers: { 'x-api-key': writer.key },
      body: { subject: 'over-tls', schema: PERSON },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.created_by).toBe(`key:${writer.id}`);
    for (const headers of [
      { 'x-api-key': writer.key },
      { authorization: `Bearer ${writer.key}` },
      basic(writer.basic_user, writer.basic_password),
    ]) {
      const listed = await request('GET', '/api/v1/subjects', { headers });
      expect(listed).toEqual({ status: 200, body: ['over-tls'] });
    }
  });

  it('answers 401 without credentials and with a wrong key', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': `${writer.key.slice(0, -4)}AAAA` },
    ];
    for (const headers of attempts) {
      const { status, body } = await request('GET', '/api/v1/subjects', { headers });
      expect(status).toBe(401);
      expect(body.error_code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers /health anonymously with liveness only', async () => {
    expect(await request('GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
    const withKey = await request('GET', '/health', { headers: { 'x-api-key': writer.key } });
    expect(Object.keys(withKey.body).length).toBeGreaterThan(1);
  });

  it('fails a plain HTTP request to the TLS port', async () => {
    const plain = secured.url.replace('https://', 'http://');
    await expect(
      fetch(`${plain}/api/v1/subjects`, { headers: { 'x-api-key': writer.key } }),
    ).rejects.toThrow();
  });

  it('fails for a client that does not trust the certificate, before sending the key', async () => {
    await expect(
      request('GET', '/api/v1/subjects', { headers: { 'x-api-key': writer.key }, trust: false }),
    ).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});
