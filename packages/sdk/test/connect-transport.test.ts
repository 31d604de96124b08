import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  IncompatibleSchemaError,
  type RegistryClient,
  RegistryClientError,
} from '../src/index.js';
import { type ConnectTestServer, startConnectTestServer } from './start-connect-test-server.js';
import { personSchema } from './start-test-server.js';

let server: ConnectTestServer;
let client: RegistryClient;

beforeAll(async () => {
  server = await startConnectTestServer();
  client = createRegistryClient({ baseUrl: server.connectUrl, transport: 'connect' });
});
afterAll(() => server.close());

async function failure(call: Promise<unknown>): Promise<RegistryClientError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryClientError))
    throw new Error(`expected a RegistryClientError, got ${String(error)}`);
  return error;
}

describe("transport 'connect' against a real Connect server", () => {
  it('registers a schema, then reports the same one as already registered', async () => {
    const first = await client.register({
      subject: 'people',
      schema: personSchema,
      metadata: { owner: 'team-a', tags: ['pii'] },
    });
    expect(first).toMatchObject({
      subject: 'people',
      version: 1,
      semver: '1.0.0',
      schemaType: 'JSON',
      created: true,
      metadata: { owner: 'team-a', tags: ['pii'] },
      compatibilityLevel: 'BACKWARD',
      createdBy: null,
      deletedAt: null,
      references: [],
    });
    expect(first.schema).toEqual(personSchema);
    expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false);
    const again = await client.register({ subject: 'people', schema: personSchema });
    expect(again).toMatchObject({ id: first.id, version: 1, created: false });
  });

  it('registers Avro and Protobuf schemas with their types', async () => {
    const avro = await client.register({
      subject: 'avro-user',
      schemaType: 'AVRO',
      schema: { type: 'record', name: 'User', fields: [{ name: 'name', type: 'string' }] },
    });
    expect(avro).toMatchObject({ schemaType: 'AVRO', schema: { type: 'record', name: 'User' } });
    const proto = 'syntax = "proto3";\nmessage Ping { string id = 1; }\n';
    const registered = await client.register({
      subject: 'proto-ping',
      schemaType: 'PROTOBUF',
      schema: proto,
    });
    expect(registered).toMatchObject({ schemaType: 'PROTOBUF', schema: proto });
  });

  it('fetches a schema by id and by guid, and versions by number, semver and latest', async () => {
    const v1 = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const one = await client.register({ subject: 'evolving', schema: v1 });
    const two = await client.register({ subject: 'evolving', schema: { ...v1, required: [] } });
    const byId = await client.getSchema(one.id);
    expect(byId).toMatchObject({ id: one.id, guid: one.guid, subject: 'evolving', version: 1 });
    expect(byId.versions).toEqual([{ subject: 'evolving', version: 1, deleted: false }]);
    expect((await client.getSchema(two.guid)).id).toBe(two.id);
    expect((await client.getVersion('evolving')).version).toBe(2);
    expect((await client.getVersion('evolving', 1)).id).toBe(one.id);
    expect((await client.getVersion('evolving', two.semver!)).id).toBe(two.id);
    expect((await client.getVersion('evolving', 'latest')).id).toBe(two.id);
  });

  it('validates data by schema id, guid and subject version, with error paths', async () => {
    const { id, guid } = await client.register({ subject: 'validated', schema: personSchema });
    const valid = await client.validate({ schemaId: id, data: { name: 'Ada', age: 36 } });
    expect(valid).toMatchObject({ valid: true, schemaId: id, errors: [], warnings: [] });
    const bad = await client.validate({ schemaId: guid, data: { age: -1 } });
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['', '/age']);
    const bySubject = await client.validate({
      subject: 'validated',
      version: 1,
      data: { name: 1 },
    });
    expect(bySubject).toMatchObject({ valid: false, schemaId: id });
    const strict = await client.validate({
      subject: 'validated',
      strict: true,
      data: { name: 'Ada', extra: true },
    });
    expect(strict.valid).toBe(false);
  });

  it('checks compatibility and reports violations with rule, path and direction', async () => {
    await client.register({ subject: 'compat', schema: personSchema });
    const ok = await client.checkCompatibility({
      subject: 'compat',
      schema: { ...personSchema, required: [] },
    });
    expect(ok).toMatchObject({ compatible: true, level: 'BACKWARD', comparedVersions: [1] });
    const broken = await client.checkCompatibility({
      subject: 'compat',
      schema: { ...personSchema, required: ['name', 'age'] },
      level: 'FULL',
    });
    expect(broken.compatible).toBe(false);
    expect(broken.level).toBe('FULL');
    expect(broken.violations.length).toBeGreaterThan(0);
    expect(broken.violations[0]).toMatchObject({ severity: 'error' });
    expect(['backward', 'forward']).toContain(broken.violations[0]!.direction);
    expect(typeof broken.violations[0]!.rule).toBe('string');
  });

  it('validates schemas: valid with a fingerprint, invalid with a location', async () => {
    const good = await client.validateSchema({ schema: personSchema });
    expect(good).toMatchObject({ valid: true, problems: [] });
    expect(good.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const bad = await client.validateSchema({ schema: '{"type": ', schemaType: 'JSON' });
    expect(bad.valid).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.fingerprint).toBeNull();
    const proto = await client.validateSchema({
      schema: 'syntax = "proto3";\nmessage A { strin x = 1; }',
      schemaType: 'PROTOBUF',
    });
    expect(proto.valid).toBe(false);
  });

  it('maps registry errors to the REST codes and statuses', async () => {
    expect(await failure(client.getVersion('no-such-subject'))).toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      status: 404,
    });
    expect(await failure(client.getSchema(999_999))).toMatchObject({
      code: 'SCHEMA_NOT_FOUND',
      status: 404,
    });
    expect(
      await failure(client.register({ subject: 'broken', schema: '{"type": ' })),
    ).toMatchObject({ code: 'INVALID_SCHEMA', status: 422 });
    expect(await failure(client.getVersion('people', 'v-nope'))).toHaveProperty('status');
  });

  it('throws IncompatibleSchemaError with the violations for an incompatible registration', async () => {
    await client.register({ subject: 'strict-people', schema: personSchema });
    const error = await failure(
      client.register({
        subject: 'strict-people',
        schema: { ...personSchema, required: ['name', 'age'] },
      }),
    );
    expect(error).toBeInstanceOf(IncompatibleSchemaError);
    expect(error).toMatchObject({ code: 'INCOMPATIBLE_SCHEMA', status: 409 });
    const violations = (error as IncompatibleSchemaError).violations;
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]!.rule).not.toBe('UNKNOWN');
    expect(violations[0]!.message).not.toBe('');
  });

  it('refuses calls the Connect service does not offer with NOT_SUPPORTED_BY_TRANSPORT', async () => {
    const calls: Promise<unknown>[] = [
      client.listSubjects(),
      client.listVersions('people'),
      client.getConfig(),
      client.setConfig({ compatibilityLevel: 'NONE' }),
      client.search({ query: 'people' }),
      client.register({ subject: 'people', schema: personSchema, createdBy: 'ada' }),
    ];
    for (const call of calls) {
      expect(await failure(call)).toMatchObject({ code: 'NOT_SUPPORTED_BY_TRANSPORT' });
    }
  });

  it('serves the schema cache, local validators and serializers from Connect fetches', async () => {
    const { id } = await client.register({ subject: 'local', schema: personSchema });
    const validator = await client.localValidator(id);
    expect(validator.validate({ name: 'Ada' }).valid).toBe(true);
    expect(validator.validate({ age: 1 }).valid).toBe(false);
    expect(await client.getSchema(id)).toBe(await client.getSchema(id));
    const serializer = await client.serializer({ subject: 'local', version: 'latest' });
    const bytes = serializer.serialize({ name: 'Ada' });
    expect(await client.deserialize(bytes)).toEqual({ schemaId: id, value: { name: 'Ada' } });
  });
});
