import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_CONFIG } from '../src/server-config.js';
import { startServer } from '../src/start-server.js';

describe('starting the server', () => {
  it('serves over HTTP on a SQLite file and keeps data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmsr-server-'));
    const config = {
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: `sqlite:${join(dir, 'r.db')}`,
    };
    try {
      const first = await startServer(config);
      const url = `http://127.0.0.1:${first.port}`;
      const created = await fetch(`${url}/api/v1/schemas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 's', schema: { type: 'string' } }),
      });
      expect(created.status).toBe(201);
      await first.close();

      const second = await startServer(config);
      const response = await fetch(`http://127.0.0.1:${second.port}/api/v1/subjects`);
      expect(await response.json()).toEqual(['s']);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails to start with a clear error for an unknown storage URL', async () => {
    await expect(
      startServer({ ...DEFAULT_SERVER_CONFIG, port: 0, storageUrl: 'mysql://x' }),
    ).rejects.toThrow();
  });
});

describe('request bodies over real HTTP', () => {
  it('reads JSON bodies, refuses oversized ones with 413 (declared or chunked) and keeps serving', async () => {
    const server = await startServer({
      ...DEFAULT_SERVER_CONFIG,
      port: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
      schemaBodyLimit: 10_000,
    });
    const url = `http://127.0.0.1:${server.port}/api/v1/schemas`;
    try {
      const ok = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 's', schema: { type: 'string' } }),
      });
      expect(ok.status).toBe(201);
      const declared = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: 's',
          schema: { type: 'string', description: 'x'.repeat(20_000) },
        }),
      });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { error_code: string }).error_code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 30; i++)
            controller.enqueue(new TextEncoder().encode('x'.repeat(1_000)));
          controller.close();
        },
      });
      const chunked = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      const malformed = await fetch(url, { method: 'POST', body: '{"subject":' });
      expect(malformed.status).toBe(400);
      const again = await fetch(`http://127.0.0.1:${server.port}/api/v1/subjects`);
      expect(await again.json()).toEqual(['s']);
    } finally {
      await server.close();
    }
  });
});
