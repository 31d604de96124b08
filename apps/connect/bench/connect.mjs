// Connect/gRPC throughput against the in-process registry call it wraps (same process, same
// schema and document). Bounded: about 2 s per case. Needs a build: `pnpm --filter @llmsr/connect...
// build`, then `node apps/connect/bench/connect.mjs`. Client and server share one process here;
// bench/connect.mjs compares against REST with the servers in their own process.
import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport } from '@connectrpc/connect-node';
import { startConnectServer } from '@llmsr/connect';
import { createRegistry } from '@llmsr/core';
import { SchemaRegistryService } from '@llmsr/proto';

const MS = Number(process.env.BENCH_MS ?? 2000);
const IN_FLIGHT = 16;

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Calls per second of `call` with `inFlight` concurrent callers for about MS milliseconds. */
async function throughput(call, inFlight) {
  const end = Date.now() + MS;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      await call();
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (done / (performance.now() - start)) * 1000;
}

const registry = await createRegistry({ storage: 'memory:' });
const properties = {};
const data = {};
for (let p = 0; p < 10; p++) {
  properties[`p${p}`] = p % 2 ? { type: 'integer' } : { type: 'string' };
  data[`p${p}`] = p % 2 ? p : `v${p}`;
}
const { version } = await registry.schemas.register({
  subject: 'bench',
  schema: { type: 'object', properties, required: ['p0'] },
});
const server = await startConnectServer({ registry, port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${server.port}`;
const grpc = createClient(SchemaRegistryService, createGrpcTransport({ baseUrl }));
const connectJson = createClient(
  SchemaRegistryService,
  createConnectTransport({ baseUrl, httpVersion: '1.1', useBinaryFormat: false }),
);
const request = {
  selector: { case: 'schemaId', value: version.id },
  data: fromJson(ValueSchema, data),
};

try {
  // Warm up every path (validator compile, HTTP/2 session, JIT).
  for (let i = 0; i < 200; i++) {
    await registry.validation.validate({ schemaId: version.id, data });
    await grpc.validateData(request);
    await connectJson.validateData(request);
  }
  const direct = await throughput(
    () => registry.validation.validate({ schemaId: version.id, data }),
    IN_FLIGHT,
  );
  const unaryGrpc = await throughput(() => grpc.validateData(request), IN_FLIGHT);
  const unaryJson = await throughput(() => connectJson.validateData(request), IN_FLIGHT);

  let streamed = 0;
  const streamStart = performance.now();
  const streamEnd = Date.now() + MS;
  async function* requests() {
    while (Date.now() < streamEnd) {
      for (let i = 0; i < 100; i++) yield { item: request };
    }
  }
  for await (const answer of grpc.batchValidate(requests())) {
    if (answer.result.case === 'report') streamed++;
  }
  const stream = (streamed / (performance.now() - streamStart)) * 1000;

  console.log(`validateData, 10-field JSON Schema document, ${IN_FLIGHT} calls in flight`);
  console.log(`  in-process registry.validateData  ${fmt(direct)} /s  (baseline)`);
  const row = (name, value) =>
    console.log(`  ${name.padEnd(33)} ${fmt(value)} /s  (${(direct / value).toFixed(1)}x slower)`);
  row('gRPC unary (HTTP/2)', unaryGrpc);
  row('Connect JSON unary (HTTP/1.1)', unaryJson);
  row('gRPC BatchValidate stream', stream);
} finally {
  await server.close();
  await registry.close();
}
