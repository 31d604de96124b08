import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON } from './fixtures.js';
import { startMemoryServer } from './run-in-process.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TURBO = fileURLToPath(new URL('../../../node_modules/.bin/turbo', import.meta.url));

/**
 * Builds the CLI and the packages it depends on, as `pnpm llmsr` does. Turbo's cache makes this
 * a few seconds when nothing changed; a fresh clone pays one cold build (about 30 s of CPU).
 */
async function buildCli(): Promise<void> {
  try {
    await promisify(execFile)(
      TURBO,
      ['run', 'build', '--filter=@llmsr/cli...', '--output-logs=errors-only'],
      { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`building the CLI failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

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
// entry point (shebang, exit codes, stdin), so it builds it first rather than skip on a fresh
// clone. The hook allows a cold build on a heavily loaded two-core machine (over 3 min measured).
describe('the built llmsr binary', () => {
  let server: RunningServer;
  beforeAll(async () => {
    [server] = await Promise.all([startMemoryServer(), buildCli()]);
  }, 600_000);
  afterAll(() => server?.close());

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
