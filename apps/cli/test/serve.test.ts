import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { PERSON } from './fixtures.js';
import { runAt } from './run-in-process.js';

describe('serve', () => {
  it('starts a registry that answers the other commands, and stops on the abort signal', async () => {
    const controller = new AbortController();
    let stderr = '';
    let announce: (line: string) => void = () => {};
    const announced = new Promise<string>((resolve) => (announce = resolve));
    const serving = runCli(['serve', '--port', '0', '--json'], {
      stdout: { write: (text: string) => announce(text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([]),
      env: { STORAGE_URL: 'memory:', HOST: '127.0.0.1', NODE_ENV: 'test', CONNECT_PORT: '0' },
      signal: controller.signal,
    });
    const { url, port, connectPort } = JSON.parse(await announced) as {
      url: string;
      port: number;
      connectPort: number;
    };
    expect(url).toBe(`http://localhost:${port}`);
    // CONNECT_PORT is honoured: Connect-RPC answers beside REST.
    expect(connectPort).toBeGreaterThan(0);
    const viaConnect = await fetch(
      `http://127.0.0.1:${connectPort}/llmsr.registry.v1.SchemaRegistryService/ValidateSchema`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schemaType: 'SCHEMA_TYPE_JSON', schema: '{"type":"string"}' }),
      },
    );
    expect(viaConnect.status).toBe(200);
    const registered = await runAt(
      `http://127.0.0.1:${port}`,
      ['register', '-s', 'people', '-t', 'json'],
      {
        stdin: PERSON,
      },
    );
    expect(registered.code).toBe(0);
    controller.abort();
    expect(await serving).toBe(0);
    expect(stderr).toContain('draining');
    const after = await runAt(`http://127.0.0.1:${port}`, ['versions']);
    expect(after.code).toBe(2);
  });

  it('exits 2 on a bad PORT', async () => {
    const result = await runAt(undefined, ['serve', '--port', 'eighty'], {
      env: { STORAGE_URL: 'memory:', NODE_ENV: 'test' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a non-negative integer');
  });
});
