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
      env: { STORAGE_URL: 'memory:', HOST: '127.0.0.1', NODE_ENV: 'test' },
      signal: controller.signal,
    });
    const { url, port } = JSON.parse(await announced) as { url: string; port: number };
    expect(url).toBe(`http://localhost:${port}`);
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
