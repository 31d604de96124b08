import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

let server: RunningRegistry;
let url: string;
let dir: string;
const run = (argv: string[], options?: Parameters<typeof runAt>[2]) => runAt(url, argv, options);

const open = JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } });

beforeAll(async () => {
  server = await startMemoryServer();
  url = `http://127.0.0.1:${server.port}`;
  dir = await mkdtemp(join(tmpdir(), 'llmsr-cli-llm-'));
  await writeFile(join(dir, 'open.json'), open);
  await writeFile(join(dir, 'person.json'), PERSON);
  await writeFile(join(dir, 'broken.json'), '{"type": ');
  await run(['register', '-s', 'people', '-t', 'json'], { stdin: PERSON });
});
afterAll(() => server.close());

describe('llmsr lint (local)', () => {
  it('lists each issue with its rule, path and fix, and exits 1 on errors', async () => {
    const result = await runAt(undefined, ['lint', join(dir, 'open.json'), '--provider', 'openai']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error openai/required-all at /properties/name');
    expect(result.stdout).toContain('fix: ');
  });

  it('exits 0 for a schema the provider accepts, with no registry running', async () => {
    const result = await runAt('http://127.0.0.1:1', [
      'lint',
      join(dir, 'person.json'),
      '-p',
      'anthropic',
    ]);
    expect(result).toMatchObject({ code: 0, stdout: 'ok: no anthropic issues\n', stderr: '' });
  });

  it('prints { ok, provider, issues } with --json and reads stdin', async () => {
    const result = await runAt(undefined, ['lint', '-', '--provider', 'openai', '--json'], {
      stdin: open,
    });
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ ok: false, provider: 'openai' });
    expect(json.issues.map((issue: { rule: string }) => issue.rule)).toContain(
      'openai/required-all',
    );
  });

  it('refuses an unknown provider, a missing --provider and a file that is not JSON with exit 2', async () => {
    const unknown = await runAt(undefined, ['lint', join(dir, 'open.json'), '-p', 'llama']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('known providers: openai, azure-openai, anthropic, gemini');
    expect((await runAt(undefined, ['lint', join(dir, 'open.json')])).code).toBe(2);
    const broken = await runAt(undefined, ['lint', join(dir, 'broken.json'), '-p', 'openai']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not JSON');
  });
});

describe('llmsr parse-output', () => {
  it('prints the repaired data of a valid reply and exits 0', async () => {
    const result = await run(['parse-output', '-s', 'people', '--coerce'], {
      stdin: 'Sure:\n```json\n{"name": "Ada", "age": "36",}\n```',
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ name: 'Ada', age: 36 });
  });

  it('prints the errors and the repair prompt of an invalid reply and exits 1', async () => {
    const result = await run(['parse-output', '-s', 'people', '--version', '1'], {
      stdin: '{"name": 7}',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('invalid (OUTPUT_SCHEMA_MISMATCH)');
    expect(result.stdout).toContain('repair prompt:');
    expect(result.stdout).toContain('"/name": must be string');
  });

  it('prints the whole result with --json, also for a reply without JSON', async () => {
    const result = await run(['parse-output', '-s', 'people', '--json'], { stdin: 'No idea.' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, code: 'OUTPUT_NO_JSON' });
  });

  it('needs exactly one of --id and --subject', async () => {
    expect((await run(['parse-output'], { stdin: '{}' })).code).toBe(2);
    expect((await run(['parse-output', '--id', '1', '-s', 'people'], { stdin: '{}' })).code).toBe(
      2,
    );
  });
});
