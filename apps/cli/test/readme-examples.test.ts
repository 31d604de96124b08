import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type RunningRegistry, startRegistry } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, readmeCommands, toCurlRequest } from './readme-commands.js';
import { runAt } from './run-in-process.js';

const commands = readmeCommands();
const curls = commands.filter((words) => words[0] === 'curl').map(toCurlRequest);
/** `pnpm -s llmsr ...` lines, as llmsr arguments with example paths made absolute. */
const cliLines = commands
  .filter((words) => words.slice(0, 3).join(' ') === 'pnpm -s llmsr')
  .map((words) =>
    words
      .slice(3)
      .map((word) => (word.startsWith('examples/') ? path.join(REPO_ROOT, word) : word)),
  );

// The README's examples run, in order, against a fresh in-memory registry (REST and Connect),
// so a changed route, body or example file shows up here rather than in a newcomer's terminal.
describe('the README examples', () => {
  let servers: RunningRegistry;
  beforeAll(async () => {
    servers = await startRegistry({
      ...loadConfig({ NODE_ENV: 'test' }),
      port: 0,
      connectPort: 0,
      host: '127.0.0.1',
      storageUrl: 'memory:',
    });
  });
  afterAll(() => servers?.close());

  it('answers every curl command as the README says', async () => {
    const answers: { status: number; body: unknown }[] = [];
    for (const request of curls) {
      const url = `http://${request.url}`
        .replace('localhost:8081', `127.0.0.1:${servers.port}`)
        .replace('localhost:8082', `127.0.0.1:${servers.connectPort}`);
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      answers.push({ status: response.status, body: await response.json() });
    }
    // REST: register (201), two reads, validate, the breaking change (409); then Connect; then
    // the LLM tools (lint, parse-output).
    expect(answers.map((answer) => answer.status)).toEqual([
      201, 200, 200, 200, 409, 200, 200, 200, 200,
    ]);
    expect(answers[0]?.body).toMatchObject({ id: 1, subject: 'people', version: 1 });
    expect(answers[3]?.body).toMatchObject({
      valid: false,
      errors: [{ path: '/age', keyword: 'type', message: 'must be integer' }],
    });
    expect(answers[4]?.body).toMatchObject({ error_code: 'INCOMPATIBLE_SCHEMA' });
    expect(answers[5]?.body).toMatchObject({
      schema: { id: 1, subject: 'people', version: 1, schemaType: 'SCHEMA_TYPE_JSON' },
    });
    expect(answers[6]?.body).toMatchObject({
      report: { errors: [{ path: '/age', keyword: 'type', message: 'must be integer' }] },
    });
    expect(answers[7]?.body).toMatchObject({
      ok: false,
      provider: 'openai',
      issues: expect.arrayContaining([
        expect.objectContaining({ rule: 'openai/additional-properties-false', severity: 'error' }),
      ]),
    });
    expect(answers[8]?.body).toMatchObject({
      valid: true,
      data: { name: 'Ada', age: 36 },
      errors: [],
      repairs: [{ kind: 'extract' }, { kind: 'syntax' }, { kind: 'coerce' }],
    });
  });

  it('runs the command-line examples on the files in examples/', async () => {
    const url = `http://127.0.0.1:${servers.port}`;
    const run = (argv: string[]) => runAt(url, argv);
    const line = (command: string) => {
      const found = cliLines.find((argv) => argv[0] === command);
      if (!found) throw new Error(`no "llmsr ${command}" example in the README`);
      return found;
    };
    // A subject of its own, so the test does not depend on the curl test having run first.
    const swap = (argv: string[]) => argv.map((w) => (w === 'people' ? 'people-cli' : w));
    const register = await run(swap(line('register')));
    expect(register).toMatchObject({ code: 0, stderr: '' });
    expect(register.stdout).toMatch(/^Registered people-cli version 1/);
    expect(await run(swap(line('get')))).toMatchObject({ code: 0, stderr: '' });
    const validate = await run(swap(line('validate')));
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('3 documents: 2 valid, 1 invalid');
    const check = await run(swap(line('check')));
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/^compatible/);
    expect(await run(line('search'))).toMatchObject({ code: 0, stderr: '' });
    const lint = await run(line('lint'));
    expect(lint).toMatchObject({ code: 1, stderr: '' });
    expect(lint.stdout).toMatch(/^failed: 2 error\(s\), 0 warning\(s\) for openai/);
    const parsed = await run(swap(line('parse-output')));
    expect(parsed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(parsed.stdout)).toEqual({ name: 'Ada', age: 36 });
  });

  it('registers every schema file in examples/ by its extension', async () => {
    const url = `http://127.0.0.1:${servers.port}`;
    const files = readdirSync(path.join(REPO_ROOT, 'examples')).filter((name) =>
      /\.(json|avsc|proto)$/.test(name),
    );
    expect(files.sort()).toEqual(['order.proto', 'person-v2.json', 'person.json', 'user.avsc']);
    for (const file of files) {
      const result = await runAt(url, [
        'register',
        path.join(REPO_ROOT, 'examples', file),
        '--subject',
        `example-${file}`,
      ]);
      expect({ file, ...result }).toMatchObject({ file, code: 0, stderr: '' });
    }
  });
});
