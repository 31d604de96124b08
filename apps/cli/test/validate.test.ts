import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

let server: RunningServer;
let url: string;
let dir: string;
let id: number;
const run = (argv: string[], options?: Parameters<typeof runAt>[2]) => runAt(url, argv, options);

const lines = (count: number, bad: Set<number>) =>
  Array.from({ length: count }, (_, i) =>
    JSON.stringify(bad.has(i + 1) ? { name: i } : { name: `n${i}`, age: i }),
  ).join('\n');

beforeAll(async () => {
  server = await startMemoryServer();
  url = `http://127.0.0.1:${server.port}`;
  dir = await mkdtemp(join(tmpdir(), 'llmsr-cli-'));
  id = JSON.parse(
    (await run(['register', '-s', 'people', '-t', 'json', '--json'], { stdin: PERSON })).stdout,
  ).id;
  await writeFile(join(dir, 'ada.json'), '{"name":"Ada","age":36}');
  await writeFile(join(dir, 'bad.json'), '{"name":"Ada","age":"old"}');
  await writeFile(join(dir, 'docs.ndjson'), `${lines(50, new Set([7, 20, 33]))}\n\n`);
  await writeFile(join(dir, 'good.jsonl'), lines(10, new Set()));
});
afterAll(() => server.close());

describe('validate one document', () => {
  it('says valid and exits 0', async () => {
    const result = await run(['validate', join(dir, 'ada.json'), '--id', String(id)]);
    expect(result).toMatchObject({ code: 0, stdout: 'valid\n' });
  });

  it('lists the errors with their paths and exits 1', async () => {
    const result = await run(['validate', join(dir, 'bad.json'), '-s', 'people']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^invalid: 1 error\n {2}\/age: /);
  });

  it('takes the document inline or on stdin, with --json output', async () => {
    const inline = await run(['validate', '--data', '{"age":1}', '-s', 'people', '--json']);
    expect(inline.code).toBe(1);
    expect(JSON.parse(inline.stdout)).toMatchObject({
      valid: false,
      errors: [{ keyword: 'required' }],
    });
    const stdin = await run(['validate', '-s', 'people', '-v', '1'], { stdin: '{"name":"x"}' });
    expect(stdin).toMatchObject({ code: 0, stdout: 'valid\n' });
  });

  it('treats a document that is not JSON as invalid (exit 1)', async () => {
    const result = await run(['validate', '--data', '{"name":', '--id', String(id)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not JSON');
  });

  it('exits 2 without a schema selector, or with both', async () => {
    expect((await run(['validate', join(dir, 'ada.json')])).stderr).toContain(
      'give either --id or --subject',
    );
    expect((await run(['validate', '--id', '1', '-s', 'people', '--data', '{}'])).code).toBe(2);
    expect((await run(['validate', join(dir, 'ada.json'), '--data', '{}', '--id', '1'])).code).toBe(
      2,
    );
  });

  it('rejects unknown properties with --strict only', async () => {
    await run(['register', '-s', 'open', '-t', 'json'], {
      stdin: '{"type":"object","properties":{"name":{"type":"string"}}}',
    });
    const extra = '{"name":"Ada","nickname":"A"}';
    const loose = await run(['validate', '--data', extra, '-s', 'open']);
    expect(loose.code).toBe(0);
    const strict = await run(['validate', '--data', extra, '-s', 'open', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('nickname');
  });

  it('validates Protobuf data against a named message', async () => {
    const proto =
      'syntax = "proto3";\nmessage A { string id = 1; }\nmessage B { int64 cents = 1; }\n';
    await run(['register', '-s', 'money', '-t', 'protobuf'], { stdin: proto });
    const asB = await run(['validate', '-s', 'money', '--message', 'B', '--data', '{"cents":"x"}']);
    expect(asB.code).toBe(1);
    const asA = await run(['validate', '-s', 'money', '--message', 'A', '--data', '{"id":"x"}']);
    expect(asA.code).toBe(0);
  });

  it('exits 1 for a schema that does not exist', async () => {
    const result = await run(['validate', '--data', '{}', '--id', '424242']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SCHEMA_NOT_FOUND');
  });
});

describe('validate NDJSON', () => {
  it('counts valid and invalid lines and shows the first errors with line numbers', async () => {
    const result = await run(['validate', join(dir, 'docs.ndjson'), '--id', String(id)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^50 documents: 47 valid, 3 invalid\n {2}line 7: \/name: /);
    expect(result.stdout).toContain('line 20');
    expect(result.stdout).toContain('line 33');
  });

  it('exits 0 when every line is valid (.jsonl is NDJSON too)', async () => {
    const result = await run(['validate', join(dir, 'good.jsonl'), '-s', 'people', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      total: 10,
      valid: 10,
      invalid: 0,
      first_errors: [],
    });
  });

  it('reads a stream from stdin with --ndjson, counting unparsable lines as invalid', async () => {
    const input = `${lines(3, new Set())}\nnot json\n{"name": 1}\r\n`;
    const result = await run(['validate', '--ndjson', '-s', 'people', '--json'], { stdin: input });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ total: 5, valid: 3, invalid: 2 });
    expect(summary.first_errors[0]).toMatchObject({ line: 4, errors: [{ keyword: 'json' }] });
    expect(summary.first_errors[1]).toMatchObject({ line: 5 });
  });

  it('counts a line past the size limit as invalid and goes on', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(17 * 1024 * 1024) });
    const input = `${huge}\n{"name":"ok"}\n`;
    const result = await run(['validate', '--ndjson', '--id', String(id), '--json'], {
      stdin: input,
    });
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(summary.first_errors[0].errors[0].message).toContain('line longer than');
  });

  it('keeps only the first five failures in the summary', async () => {
    const many = lines(40, new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    const result = await run(['validate', '--ndjson', '--id', String(id), '--json'], {
      stdin: many,
    });
    const summary = JSON.parse(result.stdout);
    expect(summary.invalid).toBe(8);
    expect(summary.first_errors).toHaveLength(5);
  });

  it('draws a progress line on stderr only when stderr is a terminal', async () => {
    const quiet = await run(['validate', join(dir, 'docs.ndjson'), '--id', String(id)]);
    expect(quiet.stderr).toBe('');
    const tty = await run(['validate', join(dir, 'docs.ndjson'), '--id', String(id)], {
      tty: true,
    });
    expect(tty.stderr).toContain('validated 1 documents');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('exits 2 for an NDJSON file that does not exist', async () => {
    const result = await run(['validate', join(dir, 'missing.ndjson'), '--id', String(id)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ENOENT');
  });
});
