import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_KEY, type SecuredServer, startSecuredServer } from './start-secured-server.js';

let secured: SecuredServer | undefined;
afterEach(async () => {
  await secured?.close();
  secured = undefined;
});

/** The status of a refused upgrade, or 101 when the socket opened. */
function upgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_request, response) =>
      resolve({ status: response.statusCode ?? 0 }),
    );
    socket.once('error', () => resolve({ status: 0 }));
  });
}

async function register(subject: string) {
  const response = await fetch(`${secured?.url}/api/v1/schemas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
    body: JSON.stringify({ subject, schema: { type: 'string', title: subject } }),
  });
  expect(response.status).toBe(201);
}

describe('the change stream with auth on', () => {
  it('refuses a WebSocket upgrade without credentials (401) or with a bad key (401)', async () => {
    secured = await startSecuredServer();
    const ws = `${secured.url.replace('http', 'ws')}/api/v1/stream/changes`;
    expect((await upgrade(ws, {})).status).toBe(401);
    expect((await upgrade(ws, { 'x-api-key': 'llmsr_nope' })).status).toBe(401);
  });

  it('sends a prefix-limited key only its own subjects’ events, over WebSocket and SSE', async () => {
    secured = await startSecuredServer();
    const key = await secured.createKey('reader', ['team-a.']);
    const ws = `${secured.url.replace('http', 'ws')}/api/v1/stream/changes`;
    const opened = await upgrade(ws, { authorization: `Bearer ${key.key}` });
    expect(opened.status).toBe(101);
    const received: string[] = [];
    opened.socket?.on('message', (data) => received.push(JSON.parse(String(data)).subject));
    const sse = await fetch(`${secured.url}/api/v1/stream/changes`, {
      headers: { authorization: `Bearer ${key.key}` },
    });
    expect(sse.status).toBe(200);
    await register('team-b.hidden');
    await register('team-a.seen');
    await new Promise((resolve) => setTimeout(resolve, 300));
    opened.socket?.close();
    expect(received).toEqual(['team-a.seen']);
    const reader = sse.body?.getReader();
    let text = '';
    while (reader && !text.includes('team-a.seen')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader?.cancel();
    expect(text).toContain('team-a.seen');
    expect(text).not.toContain('team-b.hidden');
  });
});
