// @llmsr/sdk benchmark: Confluent wire-format serialize/deserialize throughput (Avro and JSON
// Schema) against @kafkajs/confluent-schema-registry in the same process, both reading writer
// schemas from one real llmsr server; then in-process validation through `localValidator`
// against the server round trip of `client.validate`; last, server round trips over
// transport 'connect' (binary, HTTP/1.1) against transport 'rest' on the same registry.
// Needs the built packages: `pnpm build`, then `node packages/sdk/bench/sdk.mjs`
// (or `pnpm --filter @llmsr/sdk bench`).
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { startConnectServer } from '@llmsr/connect';
import { DEFAULT_SERVER_CONFIG, startServer } from '@llmsr/server';
import { createRegistryClient } from '../dist/index.js';

const ROUND_MS = 500;

async function opsPerSecond(fn, batch) {
  for (let i = 0; i < batch; i++) await fn(i);
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let i = 0; i < batch; i++) await fn(i);
    ops += batch;
    now = performance.now();
  }
  return (ops / (now - start)) * 1000;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
function row(name, ours, baseline, baselineName) {
  const ratio = baseline === undefined ? '' : `  ${(ours / baseline).toFixed(2)}x ${baselineName}`;
  console.log(`${name.padEnd(42)} ${fmt(ours).padStart(12)} ops/s${ratio}`);
}

const server = await startServer({
  ...DEFAULT_SERVER_CONFIG,
  port: 0,
  host: '127.0.0.1',
  storageUrl: 'memory:',
  logLevel: 'silent',
});
try {
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const client = createRegistryClient({ baseUrl, transport: 'rest' });
  const kafkajs = new SchemaRegistry({ host: baseUrl });

  const avroSchema = {
    type: 'record',
    name: 'User',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'name', type: 'string' },
      { name: 'email', type: ['null', 'string'], default: null },
      { name: 'scores', type: { type: 'array', items: 'int' } },
      { name: 'active', type: 'boolean' },
    ],
  };
  const user = {
    id: 42,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    scores: [1, 2, 3],
    active: true,
  };
  const jsonSchema = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['id', 'name'],
  };
  const order = { id: 7, name: 'order', tags: ['a', 'b', 'c'] };

  const avroId = (
    await client.register({ subject: 'bench-avro', schemaType: 'AVRO', schema: avroSchema })
  ).id;
  const jsonId = (await client.register({ subject: 'bench-json', schema: jsonSchema })).id;

  console.log('Confluent wire format (writer schema cached on both sides)');
  for (const [label, id, value] of [
    ['Avro', avroId, user],
    ['JSON Schema', jsonId, order],
  ]) {
    const serializer = await client.serializer(id);
    const bytes = serializer.serialize(value);
    await kafkajs.encode(id, value);
    const ourEncode = await opsPerSecond(() => serializer.serialize(value), 2_000);
    const theirEncode = await opsPerSecond(() => kafkajs.encode(id, value), 2_000);
    row(`${label} serialize (sdk)`, ourEncode, theirEncode, 'kafkajs');
    row(`${label} serialize (kafkajs encode)`, theirEncode);
    const ourDecode = await opsPerSecond(() => client.deserialize(bytes), 2_000);
    const theirDecode = await opsPerSecond(() => kafkajs.decode(bytes), 2_000);
    row(`${label} deserialize (sdk)`, ourDecode, theirDecode, 'kafkajs');
    row(`${label} deserialize (kafkajs decode)`, theirDecode);
  }

  console.log('\nValidation of one JSON document');
  const validator = await client.localValidator(jsonId, { timing: false });
  const local = await opsPerSecond(() => validator.validate(order), 10_000);
  const remote = await opsPerSecond(() => client.validate({ schemaId: jsonId, data: order }), 50);
  row('localValidator.validate (in-process)', local, remote, 'server round trip');
  row('client.validate (HTTP round trip)', remote);

  console.log("\nServer round trips: transport 'connect' against 'rest' (same registry)");
  const connectServer = await startConnectServer({
    registry: server.registry,
    port: 0,
    host: '127.0.0.1',
    closeGraceMs: 100,
  });
  try {
    const overConnect = createRegistryClient({
      baseUrl: `http://127.0.0.1:${connectServer.port}`,
      transport: 'connect',
    });
    const calls = [
      ['validate', (c) => c.validate({ schemaId: jsonId, data: order })],
      ['getVersion', (c) => c.getVersion('bench-json', 1)],
      [
        'checkCompatibility',
        (c) => c.checkCompatibility({ subject: 'bench-json', schema: jsonSchema }),
      ],
    ];
    for (const [name, call] of calls) {
      const viaRest = await opsPerSecond(() => call(client), 50);
      const viaConnect = await opsPerSecond(() => call(overConnect), 50);
      row(`${name} (connect)`, viaConnect, viaRest, 'rest');
      row(`${name} (rest)`, viaRest);
    }
  } finally {
    await connectServer.close();
  }
} finally {
  await server.close();
}
