import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RunningRegistry, startRegistry } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON, PERSON_V2 } from './fixtures.js';
import { runAt } from './run-in-process.js';

// The CLI's --api-key, --token and LLMSR_API_KEY against real registries started from the
// environment a deployment sets (AUTH=on, ADMIN_API_KEY), not a proxy that imitates one.
const ADMIN_KEY = 'cli-test-admin-key-0123456789';

interface IssuedKey {
  id: string;
  key: string;
}

let source: RunningRegistry;
let target: RunningRegistry;
let sourceUrl: string;
let targetUrl: string;
let dir: string;
let writer: IssuedKey;
let reader: IssuedKey;

function startSecured(): Promise<RunningRegistry> {
  return startRegistry({
    ...loadConfig({ NODE_ENV: 'test', AUTH: 'on', ADMIN_API_KEY: ADMIN_KEY }),
    port: 0,
    connectPort: null,
    host: '127.0.0.1',
    storageUrl: 'memory:',
  });
}

async function createKey(url: string, role: string, subjects?: string[]): Promise<IssuedKey> {
  const response = await fetch(`${url}/api/v1/auth/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({ name: `cli-${role}`, role, ...(subjects ? { subjects } : {}) }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as IssuedKey;
}

beforeAll(async () => {
  source = await startSecured();
  target = await startSecured();
  sourceUrl = `http://127.0.0.1:${source.port}`;
  targetUrl = `http://127.0.0.1:${target.port}`;
  dir = mkdtempSync(join(tmpdir(), 'llmsr-cli-real-auth-'));
  writer = await createKey(sourceUrl, 'writer');
  reader = await createKey(sourceUrl, 'reader');
});

afterAll(async () => {
  await source?.close();
  await target?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (argv: string[], options: Parameters<typeof runAt>[2] = {}) =>
  runAt(sourceUrl, argv, options);

describe('the CLI against a registry with AUTH=on', () => {
  it('registers with --api-key and records the key as the author', async () => {
    const result = await run(['register', '-s', 'people', '-t', 'json', '--api-key', writer.key], {
      stdin: PERSON,
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Registered people version 1/);
    const versions = await run(['get', '-s', 'people', '--json', '--api-key', reader.key]);
    expect(versions.code).toBe(0);
    expect(JSON.parse(versions.stdout)).toMatchObject({ createdBy: `key:${writer.id}` });
  });

  it('takes the key from LLMSR_API_KEY', async () => {
    const result = await run(['check', '-', '-s', 'people'], {
      stdin: PERSON_V2,
      env: { LLMSR_API_KEY: reader.key },
    });
    expect(result.code).toBe(0);
    const registered = await run(['register', '-s', 'people', '-t', 'json'], {
      stdin: PERSON_V2,
      env: { LLMSR_API_KEY: writer.key },
    });
    expect(registered.code).toBe(0);
    expect(registered.stdout).toMatch(/^Registered people version 2/);
  });

  it('takes a bearer token with --token (the admin key) for admin commands', async () => {
    const result = await run(['config', 'set', '-s', 'people', '--level', 'FULL'], {
      env: { LLMSR_TOKEN: ADMIN_KEY },
    });
    expect(result.code).toBe(0);
    const viaFlag = await run([
      'config',
      'set',
      '-s',
      'people',
      '--level',
      'BACKWARD',
      '--token',
      ADMIN_KEY,
    ]);
    expect(viaFlag.code).toBe(0);
  });

  it('exits 3 with one line, without credentials or with a wrong key', async () => {
    for (const extra of [[], ['--api-key', `${writer.key.slice(0, -4)}AAAA`]]) {
      const result = await run(['versions', 'people', ...extra]);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('(UNAUTHENTICATED)');
      expect(result.stderr).not.toContain(writer.key.slice(-12, -4));
    }
  });

  it('exits 3 with FORBIDDEN when the key has too little: a reader registering, a writer configuring', async () => {
    const register = await run(
      ['register', '-s', 'readers', '-t', 'json', '--api-key', reader.key],
      {
        stdin: PERSON,
      },
    );
    expect(register.code).toBe(3);
    expect(register.stderr).toMatch(/\(FORBIDDEN\)\n$/);
    const config = await run(['config', 'set', '--level', 'NONE', '--api-key', writer.key]);
    expect(config.code).toBe(3);
    expect(config.stderr).toMatch(/\(FORBIDDEN\)\n$/);
  });

  it('keeps a key limited to team-a. to its subjects', async () => {
    const teamA = await createKey(sourceUrl, 'writer', ['team-a.']);
    const own = await run(
      ['register', '-s', 'team-a.people', '-t', 'json', '--api-key', teamA.key],
      {
        stdin: PERSON,
      },
    );
    expect(own.code).toBe(0);
    const other = await run(
      ['register', '-s', 'team-b.people', '-t', 'json', '--api-key', teamA.key],
      {
        stdin: PERSON,
      },
    );
    expect(other.code).toBe(3);
    const search = await run(['search', 'people', '--json', '--api-key', teamA.key]);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('team-a.people');
    expect(search.stdout).not.toMatch(/"subject":\s*"people"/);
  });

  it('exports with a reader key, not with a prefix-limited one, and imports into another secured registry as admin only', async () => {
    const file = join(dir, 'export.ndjson');
    const teamA = await createKey(sourceUrl, 'reader', ['team-a.']);
    const refused = await run(['export', '-o', file, '--api-key', teamA.key]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('(FORBIDDEN)');
    const exported = await run(['export', '-o', file, '--api-key', reader.key]);
    expect(exported.code).toBe(0);
    const targetWriter = await createKey(targetUrl, 'writer');
    const importAs = (key: string) =>
      runAt(targetUrl, ['import', '--api-key', key], { stdin: readFileSync(file, 'utf8') });
    expect((await importAs(targetWriter.key)).code).toBe(3);
    expect((await importAs(ADMIN_KEY)).code).toBe(0);
    const versions = await runAt(targetUrl, [
      'versions',
      'people',
      '--json',
      '--api-key',
      ADMIN_KEY,
    ]);
    expect(JSON.parse(versions.stdout)).toHaveLength(2);
  });

  it('stops a revoked key at once', async () => {
    const doomed = await createKey(sourceUrl, 'reader');
    expect((await run(['versions', 'people', '--api-key', doomed.key])).code).toBe(0);
    const revoked = await fetch(`${sourceUrl}/api/v1/auth/keys/${doomed.id}`, {
      method: 'DELETE',
      headers: { 'x-api-key': ADMIN_KEY },
    });
    expect(revoked.status).toBe(200);
    const after = await run(['versions', 'people'], { env: { LLMSR_API_KEY: doomed.key } });
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('(UNAUTHENTICATED)');
  });
});
