import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { SchemaRegistryService } from '@llmsr/proto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/load-config.js';
import { isLoopbackHost, startRegistry } from '../src/start-registry.js';
import { runRegistry } from './spawn-registry.js';

const SPAWN_TIMEOUT = 60_000;

let dir: string;
let certFile: string;
let keyFile: string;
let otherKeyFile: string;
let ca: Buffer;

/** A fresh self-signed P-256 certificate for localhost and 127.0.0.1, made with the openssl CLI. */
function makeCertificate(name: string): { certFile: string; keyFile: string } {
  const files = { certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`) };
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      ...['-keyout', files.keyFile, '-out', files.certFile],
    ],
    { stdio: 'ignore' },
  );
  return files;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llmsr-tls-'));
  ({ certFile, keyFile } = makeCertificate('server'));
  otherKeyFile = makeCertificate('other').keyFile;
  ca = readFileSync(certFile);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const config = () => ({
  ...loadConfig({ NODE_ENV: 'test' }),
  port: 0,
  connectPort: 0,
  host: '127.0.0.1',
  storageUrl: 'memory:',
  tls: { certFile, keyFile },
});

/** GET over HTTPS trusting only the test's certificate. */
function httpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** One line of the one-line startup error (shape checked: one line, no stack). */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('TLS from TLS_CERT_FILE and TLS_KEY_FILE', () => {
  it('serves REST over HTTPS and Connect over HTTP/2 with TLS, and refuses plain HTTP on both', async () => {
    const running = await startRegistry(config());
    try {
      expect(running.tls).toBe(true);
      const health = await httpsGet(`https://127.0.0.1:${running.port}/health`);
      expect(health.status).toBe(200);

      const transport = createConnectTransport({
        baseUrl: `https://localhost:${running.connectPort}`,
        httpVersion: '2',
        nodeOptions: { ca, host: '127.0.0.1' },
      });
      const client = createClient(SchemaRegistryService, transport);
      const { schema } = await client.registerSchema({
        subject: 'over-tls',
        schema: '{"type":"string"}',
      });
      const fetched = await client.getSchema({ selector: { case: 'id', value: schema?.id ?? 0 } });
      expect(fetched.schema?.subject).toBe('over-tls');

      // Connect's JSON over HTTP/1.1 works through TLS too (ALPN http/1.1).
      const viaHttp1 = await new Promise<number>((resolve, reject) => {
        const request = https.request(
          `https://127.0.0.1:${running.connectPort}/llmsr.registry.v1.SchemaRegistryService/GetSchema`,
          { method: 'POST', ca, headers: { 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ id: schema?.id }));
      });
      expect(viaHttp1).toBe(200);

      await expect(fetch(`http://127.0.0.1:${running.port}/health`)).rejects.toThrow();
      await expect(
        fetch(
          `http://127.0.0.1:${running.connectPort}/llmsr.registry.v1.SchemaRegistryService/GetSchema`,
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
        ),
      ).rejects.toThrow();
    } finally {
      await running.close();
    }
  });

  it('refuses a certificate that is not PEM, naming TLS_CERT_FILE', async () => {
    const notPem = join(dir, 'not-pem.crt');
    writeFileSync(notPem, 'hello');
    await expect(
      startRegistry({ ...config(), tls: { certFile: notPem, keyFile } }),
    ).rejects.toThrow(`TLS_CERT_FILE: ${notPem} is not a PEM certificate`);
  });

  it('refuses a key that does not belong to the certificate, naming TLS_KEY_FILE', async () => {
    await expect(
      startRegistry({ ...config(), tls: { certFile, keyFile: otherKeyFile } }),
    ).rejects.toThrow(`TLS_KEY_FILE: ${otherKeyFile} is not the key of the certificate`);
  });

  it.each([
    {
      what: 'naming TLS_KEY_FILE when the key cannot be read',
      tls: () => ({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: join(dir, 'missing.key') }),
      line: () => `llmsr: TLS_KEY_FILE: cannot read ${join(dir, 'missing.key')}: ENOENT`,
    },
    {
      what: 'naming TLS_CERT_FILE when the certificate cannot be read',
      tls: () => ({ TLS_CERT_FILE: dir, TLS_KEY_FILE: keyFile }),
      line: () => `llmsr: TLS_CERT_FILE: cannot read ${dir}: EISDIR`,
    },
    {
      what: 'when only one of the two is set',
      tls: () => ({ TLS_CERT_FILE: certFile }),
      line: () => 'llmsr: invalid setting: TLS_KEY_FILE must be set when TLS_CERT_FILE is',
    },
  ])(
    'exits 1 with one line $what',
    async ({ tls, line }) => {
      const { code, stderr } = await runRegistry({
        HOST: '127.0.0.1',
        PORT: '0',
        CONNECT_PORT: '0',
        STORAGE_URL: 'memory:',
        ...tls(),
      });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toBe(line());
    },
    SPAWN_TIMEOUT,
  );

  it('reads both or neither variable', () => {
    expect(loadConfig({}).tls).toBeNull();
    expect(loadConfig({ TLS_CERT_FILE: 'c', TLS_KEY_FILE: 'k' }).tls).toEqual({
      certFile: 'c',
      keyFile: 'k',
    });
    expect(() => loadConfig({ TLS_KEY_FILE: 'k' })).toThrow(
      'TLS_CERT_FILE must be set when TLS_KEY_FILE is',
    );
  });
});

describe('the warning about a registry without authentication', () => {
  /** Start a plain registry on `host`, returning the warnings it logged. */
  async function warningsOn(host: string): Promise<string[]> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const running = await startRegistry(
      { ...config(), tls: null, host },
      { logger: pino({ level: 'warn' }, sink) },
    );
    await running.close();
    return lines.filter((line) => (JSON.parse(line) as { level: number }).level === 40);
  }

  it('is logged at start when HOST is not a loopback address', async () => {
    const warnings = await warningsOn('0.0.0.0');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('authentication is off');
    expect(warnings[0]).toContain('"host":"0.0.0.0"');
  });

  it('is not logged when HOST is a loopback address', async () => {
    expect(await warningsOn('127.0.0.1')).toEqual([]);
  });

  it('treats localhost, 127.0.0.0/8 and ::1 as loopback, and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'registry.example.com', '127.0.0.1.nip.io']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
