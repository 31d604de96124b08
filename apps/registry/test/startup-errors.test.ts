import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegistry } from './spawn-registry.js';

const POSTGRES_URL = process.env.LLMSR_TEST_POSTGRES_URL;
const SPAWN_TIMEOUT = 60_000;

/** The single line a failed start prints, checked for shape: one line, no stack. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] ?? '';
}

let busy: Server;
let busyPort: number;
let dir: string;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
  dir = mkdtempSync(join(tmpdir(), 'llmsr-startup-'));
});

afterAll(() => {
  busy.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = { HOST: '127.0.0.1', PORT: '0', CONNECT_PORT: '0', STORAGE_URL: 'memory:' };

describe('a registry that cannot start', () => {
  it(
    'names STORAGE_URL and the accepted forms for an unsupported URL, exiting 1',
    async () => {
      const { code, stderr } = await runRegistry({ ...base, STORAGE_URL: 'mysql://x' });
      expect(code).toBe(1);
      const line = oneLine(stderr);
      expect(line).toMatch(/^llmsr: STORAGE_URL is not usable/);
      expect(line).toContain('sqlite:');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'prints the stack as well under LOG_LEVEL=debug',
    async () => {
      const { code, stderr } = await runRegistry({
        ...base,
        STORAGE_URL: 'mysql://x',
        LOG_LEVEL: 'debug',
      });
      expect(code).toBe(1);
      expect(stderr.split('\n')[0]).toMatch(/^llmsr: STORAGE_URL is not usable/);
      expect(stderr).toMatch(/^\s+at /m);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'names PORT when the REST port is taken',
    async () => {
      const { code, stderr } = await runRegistry({ ...base, PORT: String(busyPort) });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toBe(
        `llmsr: port ${busyPort} (PORT) is already in use: stop the process using it or set PORT to a free port`,
      );
    },
    SPAWN_TIMEOUT,
  );

  it(
    'names CONNECT_PORT when the Connect port is taken',
    async () => {
      const { code, stderr } = await runRegistry({ ...base, CONNECT_PORT: String(busyPort) });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toContain(`port ${busyPort} (CONNECT_PORT) is already in use`);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'names STORAGE_URL and the directory when the data directory cannot be written',
    async () => {
      // A file where the data directory should be: creating the directory fails, even as root.
      const blocker = join(dir, 'not-a-directory');
      writeFileSync(blocker, '');
      const { code, stderr } = await runRegistry({
        ...base,
        STORAGE_URL: `sqlite:${join(blocker, 'data', 'registry.db')}`,
      });
      expect(code).toBe(1);
      const line = oneLine(stderr);
      expect(line).toContain('STORAGE_URL');
      expect(line).toContain(`make ${join(blocker, 'data')} writable`);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'names a malformed setting',
    async () => {
      const { code, stderr } = await runRegistry({ ...base, CONNECT_PORT: 'eighty' });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toContain('CONNECT_PORT must be a non-negative integer');
    },
    SPAWN_TIMEOUT,
  );

  it.skipIf(!POSTGRES_URL)(
    'gives the createdb command when the PostgreSQL database does not exist',
    async () => {
      const url = new URL(POSTGRES_URL ?? '');
      const name = `llmsr_missing_${process.pid}`;
      url.pathname = `/${name}`;
      const { code, stderr } = await runRegistry({ ...base, STORAGE_URL: url.href });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toContain(`\`createdb ${name}\``);
    },
    SPAWN_TIMEOUT,
  );
});
