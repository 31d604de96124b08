import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_PROTO, PERSON, PERSON_V2, USER_AVRO } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

let source: RunningServer;
let sourceUrl: string;
let target: RunningServer;
let targetUrl: string;
let dir: string;
let exported: string;

const at = (server: RunningServer) => `http://127.0.0.1:${server.port}`;
const versionsOf = async (url: string) => {
  const subjects = JSON.parse((await runAt(url, ['versions', '--json'])).stdout) as string[];
  const all: string[] = [];
  for (const subject of subjects.sort()) {
    const versions = JSON.parse((await runAt(url, ['versions', subject, '--json'])).stdout);
    for (const v of versions)
      all.push(`${v.subject} v${v.version} id ${v.id} ${v.semver} ${JSON.stringify(v.metadata)}`);
  }
  return all;
};

beforeAll(async () => {
  source = await startMemoryServer();
  sourceUrl = at(source);
  dir = await mkdtemp(join(tmpdir(), 'llmsr-cli-'));
  // Ids that a fresh registry would hand out differently: a schema shared by two subjects,
  // an Avro record referenced from another subject, and a gap left by a reused schema.
  await runAt(
    sourceUrl,
    ['register', '-s', 'people', '-t', 'json', '--metadata', '{"owner":"crm"}'],
    { stdin: PERSON },
  );
  await runAt(sourceUrl, ['register', '-s', 'orders', '-t', 'protobuf'], { stdin: ORDER_PROTO });
  await runAt(sourceUrl, ['register', '-s', 'people', '-t', 'json', '--semver', '1.1.0'], {
    stdin: PERSON_V2,
  });
  await runAt(sourceUrl, ['register', '-s', 'people-copy', '-t', 'json'], { stdin: PERSON_V2 });
  await runAt(sourceUrl, ['register', '-s', 'user', '-t', 'avro'], { stdin: USER_AVRO });
  const session = JSON.stringify({
    type: 'record',
    name: 'Session',
    fields: [{ name: 'user', type: 'User' }],
  });
  const withRef = await runAt(
    sourceUrl,
    [
      'register',
      '-s',
      'session',
      '-t',
      'avro',
      '--references',
      '[{"name":"User","subject":"user","version":1}]',
    ],
    { stdin: session },
  );
  expect(withRef.code).toBe(0);
  exported = join(dir, 'export.ndjson');
  const result = await runAt(sourceUrl, ['export', '-o', exported]);
  expect(result).toMatchObject({ code: 0, stdout: '' });
  expect(result.stderr).toBe(`exported 6 versions of 5 subjects to ${exported}\n`);
});
afterAll(() => source.close());

beforeEach(async () => {
  target = await startMemoryServer();
  targetUrl = at(target);
});
afterEach(() => target.close());

describe('export', () => {
  it('writes one line per version, ordered by id, with schema, type, references and metadata', async () => {
    const lines = (await readFile(exported, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(
      [...lines.map((line) => line.id)].sort((a, b) => a - b),
    );
    expect(lines[0]).toMatchObject({
      subject: 'people',
      version: 1,
      schema_type: 'JSON',
      metadata: { owner: 'crm' },
    });
    expect(lines.find((line) => line.subject === 'session').references).toEqual([
      { name: 'User', subject: 'user', version: 1 },
    ]);
    expect(lines.find((line) => line.subject === 'orders').schema).toContain('message Order');
  });

  it('writes to stdout when no file is given', async () => {
    const result = await runAt(sourceUrl, ['export']);
    expect(result.stdout).toBe(await readFile(exported, 'utf8'));
  });

  it('exits 2 when the output cannot be written', async () => {
    const result = await runAt(sourceUrl, ['export', '-o', join(dir, 'no', 'such', 'dir.ndjson')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ENOENT');
  });
});

describe('import', () => {
  it('recreates every version with the same ids, versions, semvers and metadata', async () => {
    const result = await runAt(targetUrl, ['import', exported]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(
      /^imported 6, skipped 0 already present, failed 0; mode restored/,
    );
    expect(await versionsOf(targetUrl)).toEqual(await versionsOf(sourceUrl));
    const config = JSON.parse((await runAt(targetUrl, ['config', 'get', '--json'])).stdout);
    expect(config).toMatchObject({ mode: null, effectiveMode: 'READWRITE' });
  });

  it('skips what is already there when re-run after a partial import', async () => {
    const text = await readFile(exported, 'utf8');
    const partial = join(dir, 'partial.ndjson');
    await writeFile(partial, text.split('\n').slice(0, 3).join('\n'));
    const first = await runAt(targetUrl, ['import', partial, '--json']);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 3, skipped: 0, failed: [] });
    // An interrupted run leaves the registry in IMPORT mode; the re-run puts it back.
    await runAt(targetUrl, ['config', 'set', '--mode', 'IMPORT']);
    const again = await runAt(targetUrl, ['import', '--json'], { stdin: text });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already in IMPORT mode');
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 3, skipped: 3, failed: [] });
    expect(await versionsOf(targetUrl)).toEqual(await versionsOf(sourceUrl));
    const config = JSON.parse((await runAt(targetUrl, ['config', 'get', '--json'])).stdout);
    expect(config.mode).toBe('READWRITE');
  });

  it('keeps a configured global level and mode', async () => {
    await runAt(targetUrl, ['config', 'set', '--level', 'FULL']);
    expect((await runAt(targetUrl, ['import', exported])).code).toBe(0);
    const config = JSON.parse((await runAt(targetUrl, ['config', 'get', '--json'])).stdout);
    expect(config).toMatchObject({ compatibilityLevel: 'FULL', effectiveMode: 'READWRITE' });
  });

  it('reports malformed lines and conflicting versions with line numbers, imports the rest, exits 1', async () => {
    await runAt(targetUrl, ['register', '-s', 'people', '-t', 'json'], { stdin: PERSON_V2 });
    const text = await readFile(exported, 'utf8');
    const input = `not json\n{"subject":"x","version":0,"id":1,"schema":{}}\n${text}`;
    const result = await runAt(targetUrl, ['import'], { stdin: input });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 1: not JSON');
    expect(result.stdout).toContain('line 2: version must be a positive integer');
    expect(result.stdout).toContain(
      'line 3 people v1: version 1 already exists with id 1 but other content (VERSION_CONFLICT)',
    );
    expect(result.stdout).toMatch(/^imported 3, skipped 0 already present, failed 5/);
    // The subjects the clash does not touch arrive with their ids.
    const copy = JSON.parse((await runAt(targetUrl, ['get', '-s', 'session', '--json'])).stdout);
    const original = JSON.parse(
      (await runAt(sourceUrl, ['get', '-s', 'session', '--json'])).stdout,
    );
    expect(copy.id).toBe(original.id);
    const config = JSON.parse((await runAt(targetUrl, ['config', 'get', '--json'])).stdout);
    expect(config.mode).toBeNull();
  });

  it('draws progress on a terminal', async () => {
    const result = await runAt(targetUrl, ['import', exported], { tty: true });
    expect(result.stderr).toContain('imported 1, skipped 0, failed 0');
  });

  it('exits 2 for a file that does not exist', async () => {
    const result = await runAt(targetUrl, ['import', join(dir, 'missing.ndjson')]);
    expect(result.code).toBe(2);
  });
});
