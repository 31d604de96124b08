import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/index.js';
import { PERSON, PERSON_V2 } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';
import { type AuthProxy, startAuthProxy } from './start-auth-proxy.js';

const KEY = `llmsr_0123456789abcdef_${'s'.repeat(43)}`;
const WRONG_KEY = `llmsr_fedcba9876543210_${'w'.repeat(43)}`;
const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
const READER = 'reader-token-with-too-little';

let source: RunningRegistry;
let target: RunningRegistry;
let sourceProxy: AuthProxy;
let targetProxy: AuthProxy;
let dir: string;

beforeAll(async () => {
  source = await startMemoryServer();
  target = await startMemoryServer();
  const gate = { accepted: [KEY, `Bearer ${JWT}`], forbidden: [`Bearer ${READER}`] };
  sourceProxy = await startAuthProxy({ upstream: `http://127.0.0.1:${source.port}`, ...gate });
  targetProxy = await startAuthProxy({ upstream: `http://127.0.0.1:${target.port}`, ...gate });
  dir = mkdtempSync(join(tmpdir(), 'llmsr-cli-auth-'));
});
afterAll(async () => {
  await sourceProxy.close();
  await targetProxy.close();
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each command that talks to a registry, in an order that works on a fresh one. */
const CALLS: { name: string; argv: () => string[]; stdin?: () => string; at?: () => AuthProxy }[] =
  [
    {
      name: 'register',
      argv: () => ['register', '-s', 'people', '-t', 'json'],
      stdin: () => PERSON,
    },
    { name: 'get', argv: () => ['get', '-s', 'people'] },
    { name: 'versions', argv: () => ['versions', 'people'] },
    { name: 'validate', argv: () => ['validate', '--data', '{"name":"Ada"}', '-s', 'people'] },
    { name: 'check', argv: () => ['check', '-', '-s', 'people'], stdin: () => PERSON_V2 },
    { name: 'search', argv: () => ['search', 'people'] },
    {
      name: 'parse-output',
      argv: () => ['parse-output', '-s', 'people'],
      stdin: () => 'Here: {"name": "Ada"}',
    },
    { name: 'config', argv: () => ['config', 'set', '-s', 'people', '--level', 'FULL'] },
    { name: 'export', argv: () => ['export', '-o', join(dir, 'export.ndjson')] },
    {
      name: 'import',
      argv: () => ['import'],
      stdin: () => readFileSync(join(dir, 'export.ndjson'), 'utf8'),
      at: () => targetProxy,
    },
  ];

function run(call: (typeof CALLS)[number], extra: string[], env: NodeJS.ProcessEnv = {}) {
  const proxy = call.at?.() ?? sourceProxy;
  return runAt(proxy.url, [...call.argv(), ...extra], {
    env,
    ...(call.stdin ? { stdin: call.stdin() } : {}),
  });
}

describe('credentials on every command', () => {
  it('covers every command that talks to a registry', () => {
    // serve starts a registry and lint runs locally: neither talks to one.
    const local = new Set(['serve', 'lint']);
    const names = COMMANDS.map((command) => command.name).filter((name) => !local.has(name));
    expect(CALLS.map((call) => call.name).sort()).toEqual(names.sort());
  });

  it.each(CALLS)('$name sends --api-key with each of its requests', async (call) => {
    const proxy = call.at?.() ?? sourceProxy;
    const start = proxy.seen.length;
    const result = await run(call, ['--api-key', KEY]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const seen = proxy.seen.slice(start);
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) expect(request.headers['x-api-key']).toBe(KEY);
  });

  it('imported what it was sent, through raw requests that carried the key', async () => {
    const versions = await runAt(targetProxy.url, ['versions', 'people', '--json'], {
      env: { LLMSR_API_KEY: KEY },
    });
    expect(JSON.parse(versions.stdout)).toHaveLength(1);
    const raw = targetProxy.seen.filter((r) => r.method === 'POST' && r.path === '/api/v1/schemas');
    expect(raw.length).toBeGreaterThan(0);
  });

  it.each(CALLS)(
    '$name without credentials exits 3 with one line saying how to pass them',
    async (call) => {
      const result = await run(call, []);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: the registry at .* needs valid credentials/);
      expect(result.stderr).toContain('--api-key or --token');
      expect(result.stderr).toContain('(UNAUTHENTICATED)');
    },
  );

  it.each(CALLS)('$name never echoes a refused key', async (call) => {
    for (const extra of [[], ['--json']]) {
      const result = await run(call, ['--api-key', WRONG_KEY, ...extra]);
      expect(result.code).toBe(3);
      expect(result.stdout + result.stderr).not.toContain(WRONG_KEY);
      expect(result.stdout + result.stderr).not.toContain('wwwwwwww');
    }
  });
});

describe('where the credentials come from', () => {
  const versions = CALLS[2] as (typeof CALLS)[number];

  it.each<[string, string[], NodeJS.ProcessEnv, Record<string, string | undefined>]>([
    ['LLMSR_API_KEY', [], { LLMSR_API_KEY: KEY }, { 'x-api-key': KEY, authorization: undefined }],
    [
      'LLMSR_TOKEN',
      [],
      { LLMSR_TOKEN: JWT },
      { 'x-api-key': undefined, authorization: `Bearer ${JWT}` },
    ],
    ['--token', ['--token', JWT], {}, { 'x-api-key': undefined, authorization: `Bearer ${JWT}` }],
    [
      '--api-key over LLMSR_API_KEY',
      ['--api-key', KEY],
      { LLMSR_API_KEY: WRONG_KEY },
      { 'x-api-key': KEY },
    ],
    [
      '--token over both variables',
      ['--token', JWT],
      { LLMSR_API_KEY: WRONG_KEY, LLMSR_TOKEN: 'other' },
      { 'x-api-key': undefined, authorization: `Bearer ${JWT}` },
    ],
    [
      'an empty variable as unset',
      [],
      { LLMSR_API_KEY: '', LLMSR_TOKEN: JWT },
      { authorization: `Bearer ${JWT}` },
    ],
  ])('takes %s', async (_name, extra, env, headers) => {
    const start = sourceProxy.seen.length;
    const result = await run(versions, extra, env);
    expect(result.code).toBe(0);
    for (const request of sourceProxy.seen.slice(start)) {
      for (const [name, value] of Object.entries(headers))
        expect(request.headers[name]).toBe(value);
    }
  });

  it.each<[string, string[], NodeJS.ProcessEnv, string]>([
    ['both flags', ['--api-key', KEY, '--token', JWT], {}, 'give --api-key or --token, not both'],
    [
      'both variables',
      [],
      { LLMSR_API_KEY: KEY, LLMSR_TOKEN: JWT },
      'both LLMSR_API_KEY and LLMSR_TOKEN are set',
    ],
    ['an empty flag', ['--api-key', ''], {}, '--api-key must not be empty'],
    ['a key with a space', ['--api-key', 'secret part two'], {}, '--api-key/LLMSR_API_KEY'],
    [
      'a token with a line break',
      [],
      { LLMSR_TOKEN: 'secret\r\nx-role: admin' },
      '--token/LLMSR_TOKEN',
    ],
  ])(
    'refuses %s as a usage error (exit 2) before any request',
    async (_name, extra, env, message) => {
      const start = sourceProxy.seen.length;
      const result = await run(versions, extra, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('secret');
      expect(sourceProxy.seen.length).toBe(start);
    },
  );

  it('reports a 403 as not allowed, exit 3, also as JSON', async () => {
    const human = await run(versions, ['--token', READER]);
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/does not allow this .*\(FORBIDDEN\)\n$/);
    const json = await run(versions, ['--token', READER, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ error_code: 'FORBIDDEN', status: 403 });
    expect(json.stdout + json.stderr).not.toContain(READER);
  });
});

describe('help', () => {
  it('lists --api-key and --token for every command and the variables in the main help', async () => {
    for (const command of COMMANDS) {
      const help = await runAt(undefined, [command.name, '--help']);
      expect(help.stdout).toContain('--api-key <key>');
      expect(help.stdout).toContain('--token <jwt>');
    }
    const main = await runAt(undefined, ['--help']);
    expect(main.stdout).toContain('LLMSR_API_KEY');
    expect(main.stdout).toContain('3 not authenticated or not allowed');
  });
});
