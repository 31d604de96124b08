import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from '../src/index.js';
import { countingFetch, personSchema, startTestServer } from './start-test-server.js';

let server: RunningServer;
let client: RegistryClient;
let counter: ReturnType<typeof countingFetch>;

beforeAll(async () => {
  server = await startTestServer();
  counter = countingFetch();
  client = createRegistryClient({
    baseUrl: `http://127.0.0.1:${server.port}`,
    fetch: counter.fetch,
  });
});
afterAll(() => server.close());

describe('localValidator', () => {
  it('fetches a JSON Schema once, then validates with no network per call', async () => {
    const { id } = await client.register({ subject: 'people', schema: personSchema });
    const before = counter.calls.length;
    const validator = await client.localValidator(id);
    const fetched = counter.calls.length - before;
    expect(fetched).toBe(1);
    for (let i = 0; i < 100; i++)
      expect(validator.validate({ name: `n${i}`, age: i }).valid).toBe(true);
    const bad = validator.validate({ age: -1 });
    expect(bad.valid).toBe(false);
    expect(bad.errors.map((e) => e.keyword).sort()).toEqual(['minimum', 'required']);
    expect(counter.calls.length - before).toBe(fetched);
    expect(validator).toMatchObject({ schemaId: id, schemaType: 'JSON' });
  });

  it('agrees with the server on the same data', async () => {
    const validator = await client.localValidator({ subject: 'people', version: 'latest' });
    for (const data of [
      { name: 'x' },
      { name: 1 },
      {},
      [],
      null,
      'text',
      { name: 'y', age: 1.5 },
    ]) {
      const remote = await client.validate({ subject: 'people', version: 'latest', data });
      expect(validator.validate(data).valid).toBe(remote.valid);
    }
  });

  it('validates Avro and Protobuf locally, honouring strict and messageName', async () => {
    const avro = await client.register({
      subject: 'avro-user',
      schemaType: 'AVRO',
      schema: { type: 'record', name: 'U', fields: [{ name: 'id', type: 'long' }] },
    });
    const avroValidator = await client.localValidator(avro.guid);
    expect(avroValidator.validate({ id: 5 }).valid).toBe(true);
    expect(avroValidator.validate({ id: 'five' }).valid).toBe(false);
    const proto = await client.register({
      subject: 'proto-order',
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3"; message A { int32 x = 1; } message B { string y = 1; }',
    });
    const first = await client.localValidator(proto.id);
    expect(first.validate({ x: 1 }).valid).toBe(true);
    const second = await client.localValidator(proto.id, { messageName: 'B', strict: true });
    expect(second.validate({ y: 'ok' }).valid).toBe(true);
    expect(second.validate({ y: 'ok', x: 1 }).valid).toBe(false);
    await expect(client.localValidator(proto.id, { messageName: 'Missing' })).rejects.toMatchObject(
      {
        code: 'INVALID_ARGUMENT',
      },
    );
  });

  it('resolves schema references through the registry', async () => {
    await client.register({
      subject: 'address',
      schema: {
        $id: 'address.json',
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      },
    });
    const customer = await client.register({
      subject: 'customer',
      schema: {
        type: 'object',
        properties: { address: { $ref: 'address.json' } },
        required: ['address'],
      },
      references: [{ name: 'address.json', subject: 'address', version: 1 }],
    });
    const validator = await client.localValidator(customer.id);
    expect(validator.validate({ address: { city: 'Paris' } }).valid).toBe(true);
    expect(validator.validate({ address: {} }).valid).toBe(false);
  });

  it('fails with the server error for an unknown schema, and tries again next time', async () => {
    await expect(client.localValidator(987_654)).rejects.toMatchObject({
      code: 'SCHEMA_NOT_FOUND',
      status: 404,
    });
    await expect(client.localValidator({ subject: 'nobody', version: 1 })).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
    });
  });
});

describe('serializer and deserialize over the client', () => {
  it('deserializes frames of several schemas, fetching each writer schema once', async () => {
    const a = await client.register({
      subject: 'a-value',
      schemaType: 'AVRO',
      schema: { type: 'record', name: 'A', fields: [{ name: 'n', type: 'int' }] },
    });
    const p = await client.register({
      subject: 'p-value',
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3"; package x; message M { repeated string tags = 1; }',
    });
    const aBytes = (await client.serializer(a.id)).serialize({ n: 3 });
    const pBytes = (await client.serializer({ subject: 'p-value', version: 1 })).serialize({
      tags: ['t'],
    });
    expect(pBytes[5]).toBe(0);
    const before = counter.calls.length;
    for (let i = 0; i < 5; i++) {
      expect(await client.deserialize(aBytes)).toEqual({ schemaId: a.id, value: { n: 3 } });
      expect(await client.deserialize(pBytes)).toEqual({ schemaId: p.id, value: { tags: ['t'] } });
    }
    expect(counter.calls.length).toBe(before);
  });

  it('refuses garbage frames and frames of unknown schemas with clear codes', async () => {
    await expect(client.deserialize(Buffer.from('hello'))).rejects.toMatchObject({
      code: 'SERIALIZATION_ERROR',
    });
    await expect(client.deserialize(new Uint8Array(2))).rejects.toMatchObject({
      code: 'SERIALIZATION_ERROR',
    });
    await expect(client.deserialize(Buffer.from('00000f4240', 'hex'))).rejects.toMatchObject({
      code: 'SCHEMA_NOT_FOUND',
    });
  });
});
