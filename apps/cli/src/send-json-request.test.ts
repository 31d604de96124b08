import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClientError } from '@llmsr/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJsonRequest } from './send-json-request.js';

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/html') {
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
    } else if (request.url === '/error') {
      response
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"error_code":"INVALID_SCHEMA","message":"bad","details":{"line":3}}');
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendJsonRequest', () => {
  it('returns the parsed body of a success', async () => {
    expect(await sendJsonRequest({ url }, 'POST', '/ok', { a: 1 })).toEqual({ ok: true });
  });

  it("turns an error body into a RegistryClientError with the server's code and details", async () => {
    const error = await sendJsonRequest({ url }, 'POST', '/error', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'INVALID_SCHEMA', status: 422, details: { line: 3 } });
  });

  it('answers a non-JSON error page with HTTP_ERROR and the status', async () => {
    const error = await sendJsonRequest({ url }, 'DELETE', '/html').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502 });
  });

  it('reports an unreachable host as NETWORK_ERROR without a status', async () => {
    const error = await sendJsonRequest({ url: 'http://127.0.0.1:1' }, 'POST', '/x', {}).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: undefined });
  });
});
