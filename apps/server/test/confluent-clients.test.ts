import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_CONFIG } from '../src/server-config.js';
import { type RunningServer, startServer } from '../src/start-server.js';

// The real npm clients of Confluent Schema Registry against a started server.
let server: RunningServer;
let host: string;

beforeAll(async () => {
  server = await startServer({
    ...DEFAULT_SERVER_CONFIG,
    port: 0,
    host: '127.0.0.1',
    storageUrl: 'memory:',
    logLevel: 'silent',
  });
  host = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
});

const userV1 = {
  type: 'record' as const,
  name: 'User',
  namespace: 'acme',
  fields: [{ name: 'name', type: 'string' }],
};
const userV2 = {
  ...userV1,
  fields: [...userV1.fields, { name: 'age', type: 'int', default: 0 }],
};

describe('@kafkajs/confluent-schema-registry', () => {
  it('registers Avro, finds ids, and encodes and decodes through the registry', async () => {
    const registry = new SchemaRegistry({ host });
    const subject = 'kafkajs-users-value';
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(userV1) },
      { subject },
    );
    expect(await registry.getLatestSchemaId(subject)).toBe(id);
    expect(await registry.getRegistryId(subject, 1)).toBe(id);
    expect(await registry.getRegistryId(subject, 'latest')).toBe(id);
    expect(
      await registry.getRegistryIdBySchema(subject, {
        type: SchemaType.AVRO,
        schema: JSON.stringify(userV1),
      }),
    ).toBe(id);
    const v2 = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(userV2) },
      { subject },
    );
    expect(v2.id).not.toBe(id);
    expect(await registry.getLatestSchemaId(subject)).toBe(v2.id);

    const encoded = await registry.encode(id, { name: 'Ada' });
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    // A fresh client has no cache: it must fetch the writer schema by id from the server.
    const fresh = new SchemaRegistry({ host });
    expect(await fresh.decode(encoded)).toEqual({ name: 'Ada' });
    expect(await fresh.decode(encoded, { [SchemaType.AVRO]: { readerSchema: userV2 } })).toEqual({
      name: 'Ada',
      age: 0,
    });
  });

  it('sets the subject compatibility on first registration through the config routes', async () => {
    const registry = new SchemaRegistry({ host });
    await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify({ ...userV1, name: 'Account' }) },
      { subject: 'kafkajs-accounts-value', compatibility: 'FULL' as never },
    );
    const config = await fetch(`${host}/config/kafkajs-accounts-value`);
    expect(await config.json()).toEqual({ compatibilityLevel: 'FULL' });
  });

  it('refuses an incompatible Avro schema with the 409 status', async () => {
    const registry = new SchemaRegistry({ host });
    const subject = 'kafkajs-breaking-value';
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(userV1) }, { subject });
    const breaking = { ...userV1, fields: [{ name: 'name', type: 'int' }] };
    await expect(
      registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(breaking) }, { subject }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('encodes and decodes JSON Schema', async () => {
    const registry = new SchemaRegistry({ host });
    const schema = {
      type: 'object',
      properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
      required: ['sku'],
    };
    const { id } = await registry.register(
      { type: SchemaType.JSON, schema: JSON.stringify(schema) },
      { subject: 'kafkajs-orders-value' },
    );
    const encoded = await registry.encode(id, { sku: 'A-1', qty: 2 });
    expect(await new SchemaRegistry({ host }).decode(encoded)).toEqual({ sku: 'A-1', qty: 2 });
    await expect(registry.encode(id, { qty: 'two' })).rejects.toThrow();
  });

  it('encodes and decodes Protobuf', async () => {
    const registry = new SchemaRegistry({ host });
    const proto = `syntax = "proto3";
package acme;
message Order {
  int64 id = 1;
  string customer = 2;
}
`;
    const { id } = await registry.register(
      { type: SchemaType.PROTOBUF, schema: proto },
      { subject: 'kafkajs-proto-value' },
    );
    const encoded = await registry.encode(id, { id: 7, customer: 'Ada' });
    const decoded = await new SchemaRegistry({ host }).decode(encoded);
    expect(decoded.toJSON()).toEqual({ id: '7', customer: 'Ada' });
  });

  it('reports an unknown id from the server as a 404', async () => {
    const registry = new SchemaRegistry({ host });
    await expect(registry.getSchema(424242)).rejects.toMatchObject({ status: 404 });
  });
});

describe('@confluentinc/schemaregistry REST client', () => {
  // The run happens in a plain Node child process: Vitest starts its workers with
  // `--conditions module`, which sends the AWS SDK this client loads to its bundler-only
  // `dist-es` build (unloadable by Node). The scenario is a self-contained function.
  let results: Record<string, unknown>;
  beforeAll(async () => {
    results = await runInPlainNode(confluentClientScenario, host);
  }, 60_000);

  it('registers, looks up and reads by id and version', () => {
    expect(results.registered).toEqual({
      id: expect.any(Number),
      sameId: true,
      version: 1,
      byIdSchema: JSON.stringify(userV1),
      byIdType: 'AVRO',
      latest: { id: expect.any(Number), version: 1, subject: 'ci-users-value' },
      versions: [1],
      listed: true,
    });
  });

  it('registers JSON Schema with metadata and gets it back as given', () => {
    const metadata = { properties: { owner: 'team-a' } };
    expect(results.metadata).toEqual({ registered: metadata, read: metadata });
  });

  it('tests compatibility against the latest and a given version', () => {
    expect(results.compatibility).toEqual({ good: true, bad: false, badAgainstV1: false });
  });

  it('reads and updates config', () => {
    expect(results.config).toEqual({
      global: 'BACKWARD',
      updated: 'FULL',
      read: 'FULL',
      saved: { compatibility: 'NONE', normalize: true },
      full: { compatibilityLevel: 'NONE', normalize: true },
    });
  });

  it('deletes versions and subjects in Confluent order', () => {
    expect(results.deletes).toEqual({
      soft: 2,
      permanent: 2,
      permanentFirst: { status: 404, errorCode: 40405 },
      subject: [1],
      subjectPermanent: [1],
      gone: { status: 404, errorCode: 40401 },
    });
  });

  it('serializes and deserializes Avro and JSON through its serdes (magic byte and id)', () => {
    expect(results.serde).toEqual({
      avro: { header: [0, true], value: { name: 'Ada' } },
      json: { header: [0, true], value: { a: 'x' } },
    });
  });
});

const run = promisify(execFile);
const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** Run a self-contained async scenario in a child Node process without Vitest's conditions. */
async function runInPlainNode(
  scenario: (
    load: (name: string) => unknown,
    host: string,
    userV1: unknown,
    userV2: unknown,
  ) => Promise<unknown>,
  registryHost: string,
): Promise<Record<string, unknown>> {
  const code = `(${scenario.toString()})(require, ${JSON.stringify(registryHost)}, ${JSON.stringify(
    userV1,
  )}, ${JSON.stringify(userV2)}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', code], {
    cwd: serverDir,
    timeout: 55_000,
    maxBuffer: 10_000_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Every call of the REST client the tests check; errors are kept as `{ status, errorCode }`. */
async function confluentClientScenario(
  load: (name: string) => unknown,
  host: string,
  v1: unknown,
  v2: unknown,
): Promise<unknown> {
  const {
    SchemaRegistryClient,
    AvroSerializer,
    AvroDeserializer,
    JsonSerializer,
    JsonDeserializer,
    SerdeType,
  } = load('@confluentinc/schemaregistry') as typeof import('@confluentinc/schemaregistry');
  const failure = async (promise: Promise<unknown>) => {
    try {
      return { unexpected: await promise };
    } catch (error) {
      const { status, errorCode } = error as { status?: number; errorCode?: number };
      return { status, errorCode };
    }
  };
  const sr = new SchemaRegistryClient({ baseURLs: [host] });
  const fresh = () => new SchemaRegistryClient({ baseURLs: [host] });
  const out: Record<string, unknown> = {};

  const info = { schemaType: 'AVRO', schema: JSON.stringify(v1) };
  const id = await sr.register('ci-users-value', info);
  const byId = await fresh().getBySubjectAndId('ci-users-value', id);
  const latest = await fresh().getLatestSchemaMetadata('ci-users-value');
  out.registered = {
    id,
    sameId: (await fresh().getId('ci-users-value', info)) === id,
    version: await fresh().getVersion('ci-users-value', info),
    byIdSchema: byId.schema,
    byIdType: byId.schemaType ?? 'AVRO',
    latest: { id: latest.id, version: latest.version, subject: latest.subject },
    versions: await sr.getAllVersions('ci-users-value'),
    listed: (await sr.getAllSubjects()).includes('ci-users-value'),
  };

  const metadata = { properties: { owner: 'team-a' } };
  const json = { type: 'object', properties: { a: { type: 'string' } } };
  const full = await sr.registerFullResponse('ci-json-value', {
    schemaType: 'JSON',
    schema: JSON.stringify(json),
    metadata,
  });
  out.metadata = {
    registered: full.metadata,
    read: (await fresh().getSchemaMetadata('ci-json-value', 1)).metadata,
  };

  await sr.register('ci-compat-value', info);
  const bad = {
    schemaType: 'AVRO',
    schema: JSON.stringify({ ...(v1 as object), fields: [{ name: 'name', type: 'int' }] }),
  };
  out.compatibility = {
    good: await sr.testSubjectCompatibility('ci-compat-value', {
      schemaType: 'AVRO',
      schema: JSON.stringify(v2),
    }),
    bad: await sr.testSubjectCompatibility('ci-compat-value', bad),
    badAgainstV1: await sr.testCompatibility('ci-compat-value', 1, bad),
  };

  out.config = {
    global: await sr.getDefaultCompatibility(),
    updated: await sr.updateCompatibility('ci-config-value', 'FULL' as never),
    read: await sr.getCompatibility('ci-config-value'),
    saved: await sr.updateConfig('ci-config-value', {
      compatibility: 'NONE' as never,
      normalize: true,
    }),
    full: await sr.getConfig('ci-config-value'),
  };

  await sr.register('ci-delete-value', info);
  await sr.register('ci-delete-value', { schemaType: 'AVRO', schema: JSON.stringify(v2) });
  out.deletes = {
    soft: await sr.deleteSubjectVersion('ci-delete-value', 2),
    permanent: await sr.deleteSubjectVersion('ci-delete-value', 2, true),
    permanentFirst: await failure(sr.deleteSubject('ci-delete-value', true)),
    subject: await sr.deleteSubject('ci-delete-value'),
    subjectPermanent: await sr.deleteSubject('ci-delete-value', true),
    gone: await failure(fresh().getAllVersions('ci-delete-value')),
  };
  const serdeId = await sr.register('ci-serde-value', info);
  const avroBytes = await new AvroSerializer(sr, SerdeType.VALUE, {
    useLatestVersion: true,
  }).serialize('ci-serde', { name: 'Ada' });
  const jsonId = await sr.register('ci-serde-json-value', {
    schemaType: 'JSON',
    schema: JSON.stringify(json),
  });
  const jsonBytes = await new JsonSerializer(sr, SerdeType.VALUE, {
    useLatestVersion: true,
  }).serialize('ci-serde-json', { a: 'x' });
  out.serde = {
    avro: {
      header: [avroBytes[0], avroBytes.readInt32BE(1) === serdeId],
      value: await new AvroDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(
        'ci-serde',
        avroBytes,
      ),
    },
    json: {
      header: [jsonBytes[0], jsonBytes.readInt32BE(1) === jsonId],
      value: await new JsonDeserializer(fresh(), SerdeType.VALUE, {}).deserialize(
        'ci-serde-json',
        jsonBytes,
      ),
    },
  };
  return out;
}
