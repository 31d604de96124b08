// BatchValidate streaming throughput alone, for profiling (`node --cpu-prof`): one gRPC stream,
// 10-field JSON document, about BENCH_MS milliseconds. Needs a build of @llmsr/connect.
import { fromJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { startConnectServer } from '@llmsr/connect';
import { createRegistry } from '@llmsr/core';
import { SchemaRegistryService } from '@llmsr/proto';

const MS = Number(process.env.BENCH_MS ?? 3000);
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
const grpc = createClient(
  SchemaRegistryService,
  createGrpcTransport({ baseUrl: `http://127.0.0.1:${server.port}` }),
);
const request = {
  selector: { case: 'schemaId', value: version.id },
  data: fromJson(ValueSchema, data),
};
try {
  let streamed = 0;
  const start = performance.now();
  const end = Date.now() + MS;
  async function* requests() {
    while (Date.now() < end) for (let i = 0; i < 100; i++) yield { item: request };
  }
  for await (const answer of grpc.batchValidate(requests())) {
    if (answer.result.case === 'report') streamed++;
  }
  console.log(`BatchValidate: ${Math.round((streamed / (performance.now() - start)) * 1000)} /s`);
} finally {
  await server.close();
  await registry.close();
}
