import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  IncompatibleSchemaError,
  type RegistryClient,
  RegistryClientError,
} from '../src/index.js';
import { countingFetch, personSchema, startTestServer } from './start-test-server.js';

let server: RunningServer;
let client: RegistryClient;
let counter: ReturnType<typeof countingFetch>;

beforeAll(async () => {
  server = await startTestServer();
  counter = countingFetch();
  client = createRegistryClient({
    baseUrl: `http://127.0.0.1:${server.port}`,
    transport: 'rest',
    fetch: counter.fetch,
  });
});
afterAll(() => server.close());

describe('the REST client against a real server', () => {
  it('registers a schema, then reports the same one as already registered', async () => {
    const first = await client.register({ subject: 'people', schema: personSchema });
    expect(first).toMatchObject({
      subject: 'people',
      version: 1,
      semver: '1.0.0',
      schemaType: 'JSON',
      created: true,
    });
    expect(first.schema).toEqual(personSchema);
    const again = await client.register({ subject: 'people', schema: personSchema });
    expect(again).toMatchObject({ id: first.id, version: 1, created: false });
  });

  it('fetches a schema by id and by guid with camelCase fields', async () => {
    const registered = await client.register({ subject: 'by-id', schema: { type: 'string' } });
    const byId = await client.getSchema(registered.id);
    expect(byId).toMatchObject({
      id: registered.id,
      guid: registered.guid,
      schemaType: 'JSON',
      subject: 'by-id',
    });
    expect(byId.versions).toEqual([{ subject: 'by-id', version: 1, deleted: false }]);
    expect(typeof byId.createdAt).toBe('string');
    const byGuid = await client.getSchema(registered.guid);
    expect(byGuid.id).toBe(registered.id);
  });

  it('caches schemas by id: a second read makes no request', async () => {
    const { id } = await client.register({ subject: 'cached', schema: { type: 'number' } });
    const before = counter.calls.length;
    const one = await client.getSchema(id);
    const two = await client.getSchema(id);
    expect(two).toBe(one);
    expect(counter.calls.slice(before)).toEqual([`GET /api/v1/schemas/${id}`]);
  });

  it('shares one request among concurrent reads of the same uncached schema', async () => {
    const { id } = await client.register({ subject: 'burst', schema: { type: 'integer' } });
    const before = counter.calls.length;
    const all = await Promise.all(Array.from({ length: 20 }, () => client.getSchema(id)));
    expect(new Set(all).size).toBe(1);
    expect(counter.calls.length - before).toBe(1);
  });

  it('reads versions by number, semver and latest, and lists subjects and versions', async () => {
    const v1 = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    await client.register({ subject: 'evolving', schema: v1 });
    await client.register({ subject: 'evolving', schema: { ...v1, required: [] } });
    expect((await client.getVersion('evolving')).version).toBe(2);
    expect((await client.getVersion('evolving', 1)).version).toBe(1);
    const latest = await client.getVersion('evolving', 'latest');
    expect((await client.getVersion('evolving', latest.semver!)).id).toBe(latest.id);
    expect((await client.listVersions('evolving')).map((v) => v.version)).toEqual([1, 2]);
    expect(await client.listSubjects()).toEqual(expect.arrayContaining(['people', 'evolving']));
    expect(await client.listSubjects({ prefix: 'evol' })).toEqual(['evolving']);
  });

  it('encodes subjects with slashes, spaces and unicode in the path', async () => {
    const subject = 'team a/ünïcode?x=1#frag';
    const registered = await client.register({ subject, schema: { type: 'boolean' } });
    expect((await client.getVersion(subject, 1)).id).toBe(registered.id);
    expect(await client.listSubjects()).toContain(subject);
  });

  it('validates data on the server by id and by subject and version', async () => {
    const { id } = await client.register({ subject: 'people', schema: personSchema });
    const good = await client.validate({ schemaId: id, data: { name: 'Ada', age: 36 } });
    expect(good).toMatchObject({ valid: true, schemaId: id, errors: [] });
    const bad = await client.validate({
      subject: 'people',
      version: 'latest',
      data: { name: 'Ada', age: 'x' },
    });
    expect(bad.valid).toBe(false);
    expect(bad.errors[0]).toMatchObject({ path: '/age', keyword: 'type' });
  });

  it('turns a 409 into an IncompatibleSchemaError carrying the violations', async () => {
    const breaking = { ...personSchema, required: ['name', 'age'] };
    const error = await client.register({ subject: 'people', schema: breaking }).catch((e) => e);
    expect(error).toBeInstanceOf(IncompatibleSchemaError);
    expect(error).toBeInstanceOf(RegistryClientError);
    expect(error).toMatchObject({ code: 'INCOMPATIBLE_SCHEMA', status: 409 });
    expect(error.violations[0]).toMatchObject({
      rule: 'REQUIRED_ATTRIBUTE_ADDED',
      direction: 'backward',
      comparedVersion: 1,
    });
  });

  it('checks compatibility without registering', async () => {
    const breaking = { ...personSchema, required: ['name', 'age'] };
    const verdict = await client.checkCompatibility({ subject: 'people', schema: breaking });
    expect(verdict).toMatchObject({ compatible: false, level: 'BACKWARD', comparedVersions: [1] });
    expect(verdict.violations[0]?.rule).toBe('REQUIRED_ATTRIBUTE_ADDED');
    const fine = await client.checkCompatibility({ subject: 'people', schema: personSchema });
    expect(fine.compatible).toBe(true);
  });

  it('carries the server error code, status and details of a 404 and a 422', async () => {
    const missing = await client.getVersion('no-such-subject', 1).catch((e) => e);
    expect(missing).toBeInstanceOf(RegistryClientError);
    expect(missing).toMatchObject({ code: 'SUBJECT_NOT_FOUND', status: 404 });
    const invalid = await client
      .register({ subject: 'bad', schema: { type: 'nonsense' } })
      .catch((e) => e);
    expect(invalid).toMatchObject({ code: 'INVALID_SCHEMA', status: 422 });
    expect(invalid.message).toMatch(/nonsense|type/);
  });

  it('does not retry a 4xx', async () => {
    const before = counter.calls.length;
    await client.getSchema(999_999).catch(() => {});
    expect(counter.calls.length - before).toBe(1);
  });

  it('reads and sets the global and per-subject configuration', async () => {
    const global = await client.getConfig();
    expect(global).toMatchObject({ subject: null, effectiveCompatibilityLevel: 'BACKWARD' });
    const set = await client.setConfig({ subject: 'people', compatibilityLevel: 'NONE' });
    expect(set).toMatchObject({ subject: 'people', compatibilityLevel: 'NONE' });
    expect((await client.getConfig('people')).effectiveCompatibilityLevel).toBe('NONE');
    const wrong = await client.setConfig({ compatibilityLevel: 'SOMETIMES' }).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_COMPATIBILITY_LEVEL', status: 422 });
  });

  it('validates schemas: a fingerprint when well-formed, problems when not', async () => {
    const good = await client.validateSchema({ schema: personSchema });
    expect(good).toMatchObject({ valid: true, problems: [], canonical: expect.any(String) });
    expect(good.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const bad = await client.validateSchema({ schema: '{"type": ', schemaType: 'JSON' });
    expect(bad).toMatchObject({ valid: false, fingerprint: null, canonical: null });
    expect(bad.problems[0]).toMatchObject({ message: expect.any(String) });
    await expect(client.validateSchema(null as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('refuses an unknown transport with INVALID_ARGUMENT', () => {
    expect(() =>
      createRegistryClient({
        baseUrl: 'http://127.0.0.1:1',
        transport: 'carrier-pigeon' as 'rest',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
