import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type { RunningServer } from '@llmsr/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from '../src/index.js';
import { startTestServer } from './start-test-server.js';

const userAvro = {
  type: 'record',
  name: 'User',
  namespace: 'com.example',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
    { name: 'email', type: ['null', 'string'], default: null },
    { name: 'scores', type: { type: 'array', items: 'int' } },
    { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['ADMIN', 'GUEST'] } },
    { name: 'ratio', type: 'double' },
  ],
};
const users = [
  { id: 1, name: 'Ada', email: 'ada@example.com', scores: [1, -2, 300], kind: 'ADMIN', ratio: 0.5 },
  {
    id: -42_000_000_000,
    name: 'Ünïcödé 🚀',
    email: null,
    scores: [],
    kind: 'GUEST',
    ratio: -1e300,
  },
];
const orderJson = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    items: { type: 'array', items: { type: 'string' } },
    note: { type: ['string', 'null'] },
  },
  required: ['id'],
};
const orders = [
  { id: 7, items: ['a', 'b'], note: 'héllo "quoted" \n' },
  { id: 0, note: null },
];

let server: RunningServer;
let client: RegistryClient;
let kafkajs: SchemaRegistry;
let avroId: number;
let jsonId: number;

beforeAll(async () => {
  server = await startTestServer();
  client = createRegistryClient({ baseUrl: `http://127.0.0.1:${server.port}`, transport: 'rest' });
  // The Confluent client reads writer schemas from the same server's Confluent-compatible API.
  kafkajs = new SchemaRegistry({ host: `http://127.0.0.1:${server.port}`, retry: { retries: 0 } });
  avroId = (await client.register({ subject: 'users-value', schema: userAvro, schemaType: 'AVRO' }))
    .id;
  jsonId = (await client.register({ subject: 'orders-value', schema: orderJson })).id;
});
afterAll(() => server.close());

describe('byte-for-byte interoperability with @kafkajs/confluent-schema-registry', () => {
  it.each(users.map((user, i) => [i, user]))(
    'Avro value %i encodes to the same bytes',
    async (_i, user) => {
      const ours = (await client.serializer(avroId)).serialize(user);
      const theirs = await kafkajs.encode(avroId, user);
      expect(Buffer.compare(ours, theirs)).toBe(0);
      expect(await kafkajs.decode(ours)).toEqual(user);
      expect(await client.deserialize(theirs)).toEqual({ schemaId: avroId, value: user });
    },
  );

  it.each(orders.map((order, i) => [i, order]))(
    'JSON Schema value %i encodes to the same bytes',
    async (_i, order) => {
      const ours = (
        await client.serializer({ subject: 'orders-value', version: 'latest' })
      ).serialize(order);
      const theirs = await kafkajs.encode(jsonId, order);
      expect(Buffer.compare(ours, theirs)).toBe(0);
      expect(await kafkajs.decode(ours)).toEqual(order);
      expect((await client.deserialize(theirs)).value).toEqual(order);
    },
  );

  it('writes Protobuf frames of the first message that the Confluent client reads', async () => {
    const proto =
      'syntax = "proto3"; package shop; message Order { int64 id = 1; string sku = 2; }';
    const { id } = await client.register({
      subject: 'orders-proto',
      schemaType: 'PROTOBUF',
      schema: proto,
    });
    const ours = (await client.serializer(id)).serialize({ id: '12', sku: 'abc' });
    // Confluent's single-byte [0] index sits between the prefix and the payload.
    expect(ours.subarray(0, 6).toString('hex')).toBe(`00${id.toString(16).padStart(8, '0')}00`);
    const decoded = (await kafkajs.decode(ours)) as { id: unknown; sku: string };
    expect(decoded.sku).toBe('abc');
    expect(String(decoded.id)).toBe('12');
  });

  it('both sides refuse a JSON value the schema rejects', async () => {
    const bad = { id: 'seven' };
    await expect(kafkajs.encode(jsonId, bad)).rejects.toThrow();
    await expect(client.serializer(jsonId).then((s) => s.serialize(bad))).rejects.toMatchObject({
      code: 'SERIALIZATION_ERROR',
    });
  });
});
