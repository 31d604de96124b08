import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON } from './fixtures.js';
import { startMemoryServer } from './run-in-process.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function spawnCli(args: string[], env: NodeJS.ProcessEnv, stdin = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// The other tests run the commands in-process from source; this one checks the shipped
// entry point (shebang, exit codes, stdin), so it needs `pnpm build` and says so when skipped.
describe.skipIf(!existsSync(BIN))('the built llmsr binary (needs pnpm build)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMemoryServer();
  });
  afterAll(() => server.close());

  it('registers from stdin and exits 0, then 1 for invalid data', async () => {
    const env = { LLMSR_URL: `http://127.0.0.1:${server.port}` };
    const registered = await spawnCli(['register', '-s', 'people', '-t', 'json'], env, PERSON);
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    expect(registered.stdout).toMatch(/^Registered people version 1/);
    const invalid = await spawnCli(['validate', '-s', 'people', '--ndjson'], env, '{"age":1}\n');
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('1 documents: 0 valid, 1 invalid');
  });

  it('exits 2 with a usage message on a bad option', async () => {
    const result = await spawnCli(['versions', '--nope'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: llmsr versions');
  });
});
