import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** An auth gate in front of a registry. */
export interface AuthProxy {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Start a proxy that answers like a registry with auth on: 401 `UNAUTHENTICATED` unless the
 * request carries one of `accepted` as `X-API-Key` or `Authorization`, 403 `FORBIDDEN` for one of
 * `forbidden`, else forwards to `upstream`. Every request is recorded, so a test can check that
 * each one carried the credentials (the registry itself does not check them yet).
 */
export async function startAuthProxy(options: {
  upstream: string;
  accepted: string[];
  forbidden?: string[];
}): Promise<AuthProxy> {
  const upstream = new URL(options.upstream);
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    const presented = [request.headers['x-api-key'], request.headers.authorization];
    const refusal = presented.some((v) => typeof v === 'string' && options.forbidden?.includes(v))
      ? { status: 403, code: 'FORBIDDEN', message: 'the key may not do this' }
      : presented.some((v) => typeof v === 'string' && options.accepted.includes(v))
        ? undefined
        : { status: 401, code: 'UNAUTHENTICATED', message: 'missing or unknown credentials' };
    if (refusal) {
      request.resume();
      response
        .writeHead(refusal.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: refusal.code, message: refusal.message }));
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
