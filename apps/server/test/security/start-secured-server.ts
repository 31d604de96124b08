import type { AuthOptions, Registry } from '@llmsr/core';
import { createRegistry } from '@llmsr/core';
import type { AuthRole } from '@llmsr/spec';
import { DEFAULT_SERVER_CONFIG } from '../../src/server-config.js';
import { type RunningServer, startServer, type TlsCredentials } from '../../src/start-server.js';

/** The bootstrap admin key of every secured test server (`ADMIN_API_KEY`). */
export const ADMIN_KEY = 'test-admin-key-0123456789';

/** What `POST /api/v1/auth/keys` answers, once. */
export interface IssuedKey {
  id: string;
  key: string;
  basic_user: string;
  basic_password: string;
}

/** A real REST server on a free port with auth on. */
export interface SecuredServer {
  registry: Registry;
  server: RunningServer;
  /** `http://127.0.0.1:<port>` (`https://` with TLS). */
  url: string;
  /** Creates an API key with the admin key, through the REST API. */
  createKey(role: AuthRole, subjects?: string[]): Promise<IssuedKey>;
  close(): Promise<void>;
}

/**
 * Start `startServer` over a memory registry with `auth: { enabled: true, adminApiKey }` plus
 * `auth`, and HTTPS when `tls` is given.
 *
 * @example
 * ```ts
 * const secured = await startSecuredServer();
 * const writer = await secured.createKey('writer', ['team-a.']);
 * ```
 */
export async function startSecuredServer(
  options: { auth?: Partial<AuthOptions>; tls?: TlsCredentials } = {},
): Promise<SecuredServer> {
  const registry = await createRegistry({
    storage: 'memory:',
    auth: { enabled: true, adminApiKey: ADMIN_KEY, ...options.auth },
  });
  const server = await startServer(
    { ...DEFAULT_SERVER_CONFIG, port: 0, host: '127.0.0.1', logLevel: 'silent' },
    { registry, ...(options.tls ? { tls: options.tls } : {}) },
  );
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${server.port}`;
  return {
    registry,
    server,
    url,
    async createKey(role, subjects) {
      // Over HTTPS the caller creates keys itself (fetch does not take a CA per request).
      const response = await fetch(`${url}/api/v1/auth/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
        body: JSON.stringify({ name: `${role}-key`, role, ...(subjects ? { subjects } : {}) }),
      });
      if (response.status !== 201) {
        throw new Error(`creating a ${role} key answered ${response.status}`);
      }
      return (await response.json()) as IssuedKey;
    },
    async close() {
      await server.close();
      await registry.close();
    },
  };
}

/** A JSON request to a secured server; answers the status and the parsed body. */
export async function call(
  url: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> & unknown[] }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & unknown[],
  };
}

/** `Authorization: Bearer <token>`. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `Authorization: Basic <user:password>`. */
export const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

/** A small JSON Schema to register. */
export const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
};
