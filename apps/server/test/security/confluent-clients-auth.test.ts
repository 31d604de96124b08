import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInPlainNode } from './run-in-plain-node.js';
import {
  ADMIN_KEY,
  type IssuedKey,
  type SecuredServer,
  startSecuredServer,
} from './start-secured-server.js';

// The real npm clients of Confluent Schema Registry against a real server with auth on, using
// HTTP Basic with the basic_user:basic_password of API keys (`basic.auth.user.info`).
let secured: SecuredServer;
let writer: IssuedKey;
let reader: IssuedKey;
let teamA: IssuedKey;

beforeAll(async () => {
  secured = await startSecuredServer();
  writer = await secured.createKey('writer');
  reader = await secured.createKey('reader');
  teamA = await secured.createKey('writer', ['team-a.']);
});

afterAll(async () => {
  await secured?.close();
});

const user = (schemaName: string) => ({
  type: 'record' as const,
  name: schemaName,
  namespace: 'acme',
  fields: [{ name: 'name', type: 'string' }],
});
const avro = (schemaName: string) => ({
  type: SchemaType.AVRO as const,
  schema: JSON.stringify(user(schemaName)),
});
const basicOf = (key: IssuedKey) => ({ username: key.basic_user, password: key.basic_password });

describe('@kafkajs/confluent-schema-registry with basic auth', () => {
  const client = (key?: IssuedKey) =>
    new SchemaRegistry({ host: secured.url, ...(key ? { auth: basicOf(key) } : {}) });
  // register() also sets the subject's compatibility on a first registration unless told not
  // to: a config write, which needs admin (see the test below).
  const asWriter = { compatibility: undefined } as unknown as { compatibility: never };

  it('registers, fetches, encodes and decodes with a writer key', async () => {
    const registry = client(writer);
    const subject = 'kafkajs-auth-users-value';
    const { id } = await registry.register(avro('User'), { subject, ...asWriter });
    expect(await registry.getLatestSchemaId(subject)).toBe(id);
    const encoded = await registry.encode(id, { name: 'Ada' });
    expect(encoded.readInt32BE(1)).toBe(id);
    // A reader's fresh client fetches the writer schema by id to decode.
    expect(await client(reader).decode(encoded)).toEqual({ name: 'Ada' });
  });

  it('takes the bootstrap admin key as admin:<ADMIN_API_KEY>', async () => {
    const admin = new SchemaRegistry({
      host: secured.url,
      auth: { username: 'admin', password: ADMIN_KEY },
    });
    const { id } = await admin.register(avro('Admin'), { subject: 'kafkajs-auth-admin-value' });
    expect(id).toBeGreaterThan(0);
  });

  it('fails with 401 without credentials or with a wrong password, reading or writing', async () => {
    const { id } = await client(writer).register(avro('Anon'), {
      subject: 'kafkajs-anon-value',
      ...asWriter,
    });
    const encoded = await client(writer).encode(id, { name: 'Ada' });
    for (const registry of [client(), client({ ...writer, basic_password: 'wrong' })]) {
      await expect(
        registry.register(avro('Anon'), { subject: 'kafkajs-anon-value', ...asWriter }),
      ).rejects.toMatchObject({ status: 401 });
      await expect(registry.decode(encoded)).rejects.toMatchObject({ status: 401 });
      await expect(registry.getLatestSchemaId('kafkajs-anon-value')).rejects.toMatchObject({
        status: 401,
      });
    }
  });

  it("answers 403 to register()'s follow-up compatibility write with a writer key, as Confluent's DeveloperWrite role does", async () => {
    const subject = 'kafkajs-auth-default-value';
    await expect(client(writer).register(avro('Default'), { subject })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('config.write'),
    });
    // The schema itself was registered (the client writes the config after it); an admin may
    // set the compatibility, after which the writer's default register() matches it and passes.
    const admin = new SchemaRegistry({
      host: secured.url,
      auth: { username: 'admin', password: ADMIN_KEY },
    });
    const { id } = await admin.register(avro('Default'), { subject });
    expect(await client(writer).register(avro('Default'), { subject })).toMatchObject({ id });
  });

  it('refuses registration to a reader key with 403', async () => {
    await expect(
      client(reader).register(avro('Reader'), { subject: 'kafkajs-reader-value' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('keeps a team-a. key to its subjects, by name and by schema id', async () => {
    const registry = client(teamA);
    const { id } = await registry.register(avro('TeamA'), {
      subject: 'team-a.x-value',
      ...asWriter,
    });
    expect(await registry.getLatestSchemaId('team-a.x-value')).toBe(id);
    await expect(
      registry.register(avro('TeamB'), { subject: 'team-b.x-value', ...asWriter }),
    ).rejects.toMatchObject({ status: 403 });
    // A message of team b names a schema id the team-a. key may not read.
    const other = await client(writer).register(avro('Other'), {
      subject: 'team-b.y-value',
      ...asWriter,
    });
    const encoded = await client(writer).encode(other.id, { name: 'Bo' });
    await expect(client(teamA).decode(encoded)).rejects.toMatchObject({ status: 403 });
  });
});

/** What the scenario below answers: values, or `{ status, errorCode }` for failures. */
type Outcome = Record<string, unknown>;

describe('@confluentinc/schemaregistry with basic.auth.user.info', () => {
  let results: Record<string, Outcome>;
  beforeAll(async () => {
    const userInfo = (key: IssuedKey) => `${key.basic_user}:${key.basic_password}`;
    results = await runInPlainNode(confluentScenario, {
      host: secured.url,
      writer: userInfo(writer),
      reader: userInfo(reader),
      teamA: userInfo(teamA),
      wrong: `${writer.basic_user}:wrong-password`,
      writerKey: writer.key,
      schema: JSON.stringify(user('Client')),
    });
  }, 60_000);

  it('registers, fetches, serializes and deserializes with a writer key', () => {
    expect(results.writer).toEqual({
      id: expect.any(Number),
      sameId: true,
      latestVersion: 1,
      header: [0, true],
      // Deserialized by a reader key's client that fetched the schema by id.
      value: { name: 'Ada' },
    });
  });

  it('fails with 401 (40101) without credentials and with a wrong password', () => {
    const unauthenticated = { status: 401, errorCode: 40101 };
    expect(results.anonymous).toEqual({
      register: unauthenticated,
      subjects: unauthenticated,
      byId: unauthenticated,
    });
    expect(results.wrong).toEqual({ register: unauthenticated, subjects: unauthenticated });
  });

  it('refuses registration to a reader key with 403 (40301), also through the serializer', () => {
    expect(results.reader).toEqual({
      register: { status: 403, errorCode: 40301 },
      autoRegister: { status: 403, errorCode: 40301 },
      listed: true,
    });
  });

  it('also takes an API key as a static bearer token', () => {
    expect(results.bearer).toEqual({ registered: true, listed: true });
  });

  it('keeps a team-a. key from registering team-b.x and lists only its subjects', () => {
    expect(results.teamA).toEqual({
      own: 1,
      other: { status: 403, errorCode: 40301 },
      subjects: ['team-a.client-value', 'team-a.x-value'],
    });
  });
});

/** Every call the tests check, run by the Confluent client in a plain Node process. */
async function confluentScenario(
  load: (name: string) => unknown,
  input: {
    host: string;
    writer: string;
    reader: string;
    teamA: string;
    wrong: string;
    writerKey: string;
    schema: string;
  },
): Promise<Record<string, Outcome>> {
  const { SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType } = load(
    '@confluentinc/schemaregistry',
  ) as typeof import('@confluentinc/schemaregistry');
  const client = (userInfo?: string) =>
    new SchemaRegistryClient({
      baseURLs: [input.host],
      ...(userInfo
        ? { basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo } as const }
        : {}),
    });
  const failure = async (promise: Promise<unknown>) => {
    try {
      return { unexpected: await promise };
    } catch (error) {
      const { status, errorCode } = error as { status?: number; errorCode?: number };
      return { status, errorCode };
    }
  };
  const info = { schemaType: 'AVRO', schema: input.schema };

  const sr = client(input.writer);
  const id = await sr.register('client-users-value', info);
  const latest = await client(input.writer).getLatestSchemaMetadata('client-users-value');
  const bytes = await new AvroSerializer(sr, SerdeType.VALUE, {
    useLatestVersion: true,
  }).serialize('client-users', { name: 'Ada' });
  const writer = {
    id,
    sameId: (await client(input.writer).getId('client-users-value', info)) === id,
    latestVersion: latest.version,
    header: [bytes[0], bytes.readInt32BE(1) === id],
    value: await new AvroDeserializer(client(input.reader), SerdeType.VALUE, {}).deserialize(
      'client-users',
      bytes,
    ),
  };

  const anonymous = {
    register: await failure(client().register('client-anon-value', info)),
    subjects: await failure(client().getAllSubjects()),
    byId: await failure(client().getBySubjectAndId('client-users-value', id)),
  };
  const wrong = {
    register: await failure(client(input.wrong).register('client-anon-value', info)),
    subjects: await failure(client(input.wrong).getAllSubjects()),
  };

  const readerClient = client(input.reader);
  const reader = {
    register: await failure(readerClient.register('client-reader-value', info)),
    autoRegister: await failure(
      new AvroSerializer(readerClient, SerdeType.VALUE, { autoRegisterSchemas: true }).serialize(
        'client-auto',
        { name: 'Ada' },
      ),
    ),
    listed: (await readerClient.getAllSubjects()).includes('client-users-value'),
  };

  const teamAClient = client(input.teamA);
  const teamA = {
    own: await teamAClient
      .register('team-a.client-value', info)
      .then(() => teamAClient.getVersion('team-a.client-value', info)),
    other: await failure(teamAClient.register('team-b.x', info)),
    subjects: await teamAClient.getAllSubjects(),
  };
  // bearer.auth.credentials.source=STATIC_TOKEN: the API key as `Authorization: Bearer`.
  const bearerClient = new SchemaRegistryClient({
    baseURLs: [input.host],
    bearerAuthCredentials: {
      credentialsSource: 'STATIC_TOKEN',
      token: input.writerKey,
      logicalCluster: 'lsrc-test',
      identityPoolId: 'pool-test',
    },
  });
  const bearer = {
    registered: (await bearerClient.register('client-bearer-value', info)) === id,
    listed: (await bearerClient.getAllSubjects()).includes('client-bearer-value'),
  };
  return { writer, anonymous, wrong, reader, teamA, bearer };
}
