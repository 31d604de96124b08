import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { SchemaRegistryService } from '@llmsr/proto';
import { describe, expect, it } from 'vitest';
import { spawnRegistry, waitForListening } from './spawn-registry.js';

/** Read a change stream until it ends or fails, so the client holds it open meanwhile. */
async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _ of stream);
  } catch {
    // The server ending the stream at shutdown may surface as an error: either way it ended.
  }
}

describe('shutdown', () => {
  it('closes open change streams (SSE, Connect over HTTP/2 and HTTP/1.1) and exits 0 within 2.5 s of SIGTERM', async () => {
    const registry = spawnRegistry({
      HOST: '127.0.0.1',
      PORT: '0',
      CONNECT_PORT: '0',
      STORAGE_URL: 'memory:',
      LOG_LEVEL: 'info',
    });
    try {
      const { port, connectPort } = await waitForListening(registry);
      const created = await fetch(`http://127.0.0.1:${port}/api/v1/schemas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 's', schema: { type: 'string' } }),
      });
      expect(created.status).toBe(201);

      // SSE, replaying from the start so the first event proves the stream is open.
      const sse = await fetch(`http://127.0.0.1:${port}/api/v1/stream/changes`, {
        headers: { 'last-event-id': '0' },
      });
      const reader = sse.body?.getReader();
      expect((await reader?.read())?.done).toBe(false);
      const sseEnded = (async () => {
        while (reader && !(await reader.read().catch(() => ({ done: true }))).done);
      })();

      const baseUrl = `http://127.0.0.1:${connectPort}`;
      const streams = (['2', '1.1'] as const).map(async (httpVersion) => {
        const client = createClient(
          SchemaRegistryService,
          createConnectTransport({ baseUrl, httpVersion }),
        );
        const iterator = client.streamSchemaChanges({ afterEventId: 0n })[Symbol.asyncIterator]();
        expect((await iterator.next()).done).toBe(false);
        // Wrapped: an async function returning the promise itself would wait for the stream to end.
        return { ended: drain({ [Symbol.asyncIterator]: () => iterator }) };
      });
      const connectEnded = (await Promise.all(streams)).map((stream) => stream.ended);

      const sent = performance.now();
      registry.child.kill('SIGTERM');
      expect(await registry.exited).toBe(0);
      const elapsed = performance.now() - sent;
      expect(elapsed).toBeLessThan(2_500);
      await Promise.all([sseEnded, ...connectEnded]);
    } finally {
      registry.child.kill('SIGKILL');
    }
  }, 60_000);
});
