import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRegistry as RunningServer } from '@llmsr/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PROTO, PERSON, PERSON_BREAKING, PERSON_V2, USER_AVRO } from './fixtures.js';
import { runAt, startMemoryServer } from './run-in-process.js';

let server: RunningServer;
let url: string;
let dir: string;
const run = (argv: string[], options?: Parameters<typeof runAt>[2]) => runAt(url, argv, options);

beforeAll(async () => {
  server = await startMemoryServer();
  url = `http://127.0.0.1:${server.port}`;
  dir = await mkdtemp(join(tmpdir(), 'llmsr-cli-'));
  await writeFile(join(dir, 'person.json'), PERSON);
  await writeFile(join(dir, 'person-v2.json'), PERSON_V2);
  await writeFile(join(dir, 'breaking.json'), PERSON_BREAKING);
  await writeFile(join(dir, 'user.avsc'), USER_AVRO);
  await writeFile(join(dir, 'order.proto'), ORDER_PROTO);
  await writeFile(join(dir, 'broken.json'), '{"type": "object", "properties": ');
});
afterAll(() => server.close());

describe('register', () => {
  it('registers a JSON Schema file and says which version and id it got', async () => {
    const result = await run(['register', join(dir, 'person.json'), '--subject', 'people']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Registered people version 1 \(1\.0\.0\), id \d+\n$/);
  });

  it('reports an already registered schema as such, with exit code 0', async () => {
    const result = await run(['register', join(dir, 'person.json'), '-s', 'people', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      created: false,
      subject: 'people',
      version: 1,
    });
  });

  it('takes the type from the .avsc and .proto extensions', async () => {
    const avro = await run(['register', join(dir, 'user.avsc'), '-s', 'users', '--json']);
    expect(JSON.parse(avro.stdout)).toMatchObject({ schemaType: 'AVRO', created: true });
    const proto = await run(['register', join(dir, 'order.proto'), '-s', 'orders', '--json']);
    expect(JSON.parse(proto.stdout)).toMatchObject({ schemaType: 'PROTOBUF', created: true });
  });

  it('reads the schema from stdin with --type and metadata', async () => {
    const result = await run(
      [
        'register',
        '-',
        '-s',
        'avro-stdin',
        '--type',
        'avro',
        '--metadata',
        '{"description":"from stdin"}',
        '--json',
      ],
      { stdin: USER_AVRO.replace('User', 'Other') },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      schemaType: 'AVRO',
      metadata: { description: 'from stdin' },
    });
  });

  it('exits 1 with the violations when the schema is incompatible', async () => {
    expect((await run(['register', join(dir, 'person-v2.json'), '-s', 'people'])).code).toBe(0);
    const result = await run(['register', join(dir, 'breaking.json'), '-s', 'people']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INCOMPATIBLE_SCHEMA');
    expect(result.stderr).toMatch(/\n {2}- .+/);
  });

  it('exits 1 with where it went wrong when the schema is malformed', async () => {
    const result = await run(['register', join(dir, 'broken.json'), '-s', 'broken']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INVALID_SCHEMA');
  });

  it('exits 2 without --subject, with the usage', async () => {
    const result = await run(['register', join(dir, 'person.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--subject is required');
    expect(result.stderr).toContain('Usage: llmsr register');
  });

  it('exits 2 on a missing file, an unknown --type and metadata that is not an object', async () => {
    expect((await run(['register', join(dir, 'nope.json'), '-s', 'x'])).stderr).toContain('ENOENT');
    const badType = await run(['register', join(dir, 'person.json'), '-s', 'x', '-t', 'xml']);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--type must be json, avro or protobuf');
    const badMeta = await run([
      'register',
      join(dir, 'person.json'),
      '-s',
      'x',
      '--metadata',
      '[1]',
    ]);
    expect(badMeta.code).toBe(2);
    const notJson = await run(['register', join(dir, 'person.json'), '-s', 'x', '--metadata', '{']);
    expect(notJson.stderr).toContain('--metadata is not valid JSON');
  });

  it('exits 2 on an empty stdin', async () => {
    const result = await run(['register', '-s', 'empty'], { stdin: '   ' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the schema is empty');
  });
});

describe('get', () => {
  it('fetches a schema by id, pretty-printed', async () => {
    const result = await run(['get', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id 1, JSON, used by people v1\n\{\n {2}"/);
  });

  it('fetches a subject version as JSON, latest by default', async () => {
    const latest = JSON.parse((await run(['get', '-s', 'people', '--json'])).stdout);
    expect(latest).toMatchObject({ subject: 'people', version: 2 });
    const first = JSON.parse((await run(['get', '-s', 'people', '-v', '1', '--json'])).stdout);
    expect(first).toMatchObject({ version: 1, semver: '1.0.0' });
  });

  it('prints .proto text as it is', async () => {
    const result = await run(['get', '-s', 'orders']);
    expect(result.stdout).toContain('message Order');
  });

  it('exits 1 for an unknown id or subject', async () => {
    const missing = await run(['get', '9999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('SCHEMA_NOT_FOUND');
    const subject = await run(['get', '-s', 'nobody', '--json']);
    expect(subject.code).toBe(1);
    expect(JSON.parse(subject.stdout)).toMatchObject({ error_code: 'SUBJECT_NOT_FOUND' });
  });

  it('exits 2 when given both an id and a subject, or neither', async () => {
    expect((await run(['get', '1', '-s', 'people'])).code).toBe(2);
    expect((await run(['get'])).code).toBe(2);
    expect((await run(['get', '1', '-v', '2'])).stderr).toContain('--version needs --subject');
  });
});

describe('versions', () => {
  it("lists a subject's versions, oldest first", async () => {
    const result = await run(['versions', 'people', '--json']);
    const versions = JSON.parse(result.stdout) as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const human = await run(['versions', 'people']);
    expect(human.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('lists subjects when no subject is given', async () => {
    const result = await run(['versions', '--json']);
    expect(JSON.parse(result.stdout)).toEqual(
      expect.arrayContaining(['people', 'users', 'orders', 'avro-stdin']),
    );
  });

  it('exits 1 for an unknown subject', async () => {
    expect((await run(['versions', 'nobody'])).code).toBe(1);
  });
});
