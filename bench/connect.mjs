// ValidateData over Connect-RPC (binary protobuf: gRPC and the Connect protocol, both HTTP/2)
// against POST /api/v1/validate/data over REST (JSON, HTTP/1.1 keep-alive), same concurrency,
// then BatchValidate streaming throughput on 1 and 4 streams. The REST and Connect servers share
// one in-memory registry in a child process, so client and server each get a core.
// Server CPU per operation is the figure least disturbed by other load on the machine.
// Bounded: about BENCH_MS (default 5,000) ms per case, under a minute in all. Needs `pnpm build`.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fmt, percentile } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const connectModules = join(here, '../apps/connect/node_modules');
const MS = Number(process.env.BENCH_MS ?? 5000);
const IN_FLIGHT = 16;

if (process.argv[2] === 'serve') await serve();
else await main();

/** Child process: the deployable registry (REST and Connect on one registry), ports over IPC. */
async function serve() {
  const { loadConfig, startRegistry } = await import('../apps/registry/dist/index.js');
  const running = await startRegistry(
    loadConfig({
      PORT: '0',
      CONNECT_PORT: '0',
      HOST: '127.0.0.1',
      STORAGE_URL: 'memory:',
      LOG_LEVEL: 'silent',
    }),
  );
  const properties = {};
  for (let p = 0; p < 10; p++)
    properties[`p${p}`] = p % 2 ? { type: 'integer' } : { type: 'string' };
  const { version } = await running.registry.schemas.register({
    subject: 'bench',
    schema: { type: 'object', properties, required: ['p0', 'p1'] },
  });
  process.send({ restPort: running.port, connectPort: running.connectPort, schemaId: version.id });
  process.on('message', async (message) => {
    if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
    await running.close();
    process.exit(0);
  });
}

/** Calls per second and latencies of `call` with `inFlight` callers for about MS ms. */
async function load(call, inFlight = IN_FLIGHT) {
  for (let i = 0; i < 500; i++) await call(); // warm-up: JIT, connections, validator cache
  const latencies = [];
  const end = performance.now() + MS;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await call();
      latencies.push(performance.now() - started);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const { create, fromBinary, fromJson, toBinary } = await import(
    join(connectModules, '@bufbuild/protobuf/dist/esm/index.js')
  );
  const { ValueSchema } = await import(
    join(connectModules, '@bufbuild/protobuf/dist/esm/wkt/index.js')
  );
  const { createClient } = await import(
    join(connectModules, '@connectrpc/connect/dist/esm/index.js')
  );
  const { createConnectTransport, createGrpcTransport } = await import(
    join(connectModules, '@connectrpc/connect-node/dist/esm/index.js')
  );
  const {
    BatchValidateRequestSchema,
    BatchValidateResponseSchema,
    SchemaRegistryService,
    ValidateDataRequestSchema,
    ValidateDataResponseSchema,
  } = await import('../packages/proto/dist/index.js');

  const child = fork(fileURLToPath(import.meta.url), ['serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { restPort, connectPort, schemaId } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  /** CPU seconds (user + system) used so far by this process and by the server process. */
  const cpu = async () => {
    child.send('cpu');
    const { cpu: server } = await new Promise((resolve) => child.once('message', resolve));
    const client = process.cpuUsage();
    return {
      client: (client.user + client.system) / 1e6,
      server: (server.user + server.system) / 1e6,
    };
  };
  /** Run `measure`, adding the share of a core each process used meanwhile. */
  const withCpu = async (measure) => {
    const before = await cpu();
    const start = performance.now();
    const result = await measure();
    const seconds = (performance.now() - start) / 1000;
    const after = await cpu();
    return {
      ...result,
      clientCpu: (after.client - before.client) / seconds,
      serverCpu: (after.server - before.server) / seconds,
    };
  };
  const cpuNote = (r) =>
    `cpu: client ${fmt(r.clientCpu * 100)}%, server ${fmt(r.serverCpu * 100)}% of a core, server ${fmt((r.serverCpu / r.rate) * 1e6, 1)} µs/op`;

  const data = {};
  for (let p = 0; p < 10; p++) data[`p${p}`] = p % 2 ? p : `value ${p}`;
  const baseUrl = `http://127.0.0.1:${connectPort}`;
  // Without noDelay, Nagle's algorithm holds the client's small HTTP/2 frames back for
  // milliseconds (the REST client's http.Agent sets it by default).
  const nodeOptions = {
    createConnection: () => net.connect({ host: '127.0.0.1', port: connectPort, noDelay: true }),
  };
  const grpc = createClient(SchemaRegistryService, createGrpcTransport({ baseUrl, nodeOptions }));
  const connectBinary = createClient(
    SchemaRegistryService,
    createConnectTransport({ baseUrl, httpVersion: '2', useBinaryFormat: true, nodeOptions }),
  );
  const request = {
    selector: { case: 'schemaId', value: schemaId },
    data: fromJson(ValueSchema, data),
  };

  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const restBody = JSON.stringify({ schema_id: schemaId, data });
  const rest = () =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: restPort,
          path: '/api/v1/validate/data',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(restBody),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`REST answered ${res.statusCode}`));
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (answer.valid !== true)
              return reject(new Error('REST said the document is invalid'));
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(restBody);
    });
  const unary = (client) => async () => {
    const answer = await client.validateData(request);
    if (answer.report?.valid !== true) throw new Error('Connect said the document is invalid');
  };

  /** BatchValidate on `streams` concurrent gRPC streams for about MS ms: items per second. */
  async function batch(streams) {
    const end = performance.now() + MS;
    let answered = 0;
    const one = async () => {
      async function* requests() {
        while (performance.now() < end) for (let i = 0; i < 100; i++) yield { item: request };
      }
      for await (const answer of grpc.batchValidate(requests())) {
        if (answer.result.case !== 'report' || !answer.result.value.valid) {
          throw new Error('BatchValidate answered without a valid report');
        }
        answered++;
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: streams }, one));
    return (answered / (performance.now() - start)) * 1000;
  }

  // A thin HTTP/2 client with pre-encoded request bytes, as the REST client sends a pre-built
  // JSON body: the connect-node client costs more CPU per call than the server it measures.
  const session = http2.connect(baseUrl, nodeOptions);
  const service = '/llmsr.registry.v1.SchemaRegistryService';
  const requestBytes = toBinary(
    ValidateDataRequestSchema,
    create(ValidateDataRequestSchema, request),
  );
  const rawConnect = () =>
    new Promise((resolve, reject) => {
      const stream = session.request({
        ':method': 'POST',
        ':path': `${service}/ValidateData`,
        'content-type': 'application/proto',
      });
      const chunks = [];
      stream.on('response', (headers) => {
        if (headers[':status'] !== 200) reject(new Error(`Connect answered ${headers[':status']}`));
      });
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const answer = fromBinary(ValidateDataResponseSchema, Buffer.concat(chunks));
        if (answer.report?.valid !== true)
          reject(new Error('Connect said the document is invalid'));
        else resolve();
      });
      stream.on('error', reject);
      stream.end(requestBytes);
    });

  /** gRPC length-prefixed messages: a flag byte, a big-endian length, the bytes. */
  const envelope = (bytes) => {
    const framed = Buffer.alloc(5 + bytes.length);
    framed.writeUInt32BE(bytes.length, 1);
    framed.set(bytes, 5);
    return framed;
  };
  const batchItem = envelope(
    toBinary(BatchValidateRequestSchema, create(BatchValidateRequestSchema, { item: request })),
  );
  const batchChunk = Buffer.concat(Array.from({ length: 100 }, () => batchItem));

  /** BatchValidate on `streams` raw gRPC streams, 100 items per write, every answer decoded. */
  async function rawBatch(streams) {
    const end = performance.now() + MS;
    let answered = 0;
    const one = async () => {
      const stream = session.request({
        ':method': 'POST',
        ':path': `${service}/BatchValidate`,
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      let pending = Buffer.alloc(0);
      let status;
      stream.on('trailers', (trailers) => {
        status = trailers['grpc-status'];
      });
      stream.on('data', (chunk) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        let offset = 0;
        while (pending.length - offset >= 5) {
          const length = pending.readUInt32BE(offset + 1);
          if (pending.length - offset - 5 < length) break;
          const answer = fromBinary(
            BatchValidateResponseSchema,
            pending.subarray(offset + 5, offset + 5 + length),
          );
          if (answer.result.case !== 'report' || !answer.result.value.valid) {
            stream.destroy(new Error('BatchValidate answered without a valid report'));
            return;
          }
          answered++;
          offset += 5 + length;
        }
        pending = pending.subarray(offset);
      });
      const closed = once(stream, 'close');
      while (performance.now() < end) {
        if (!stream.write(batchChunk)) await once(stream, 'drain');
      }
      stream.end();
      await closed;
      if (status !== '0') throw new Error(`BatchValidate ended with grpc-status ${status}`);
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: streams }, one));
    return (answered / (performance.now() - start)) * 1000;
  }

  try {
    const results = [
      ['REST JSON (HTTP/1.1 keep-alive)', await withCpu(() => load(rest))],
      ['gRPC binary (HTTP/2)', await withCpu(() => load(unary(grpc)))],
      ['Connect binary (HTTP/2)', await withCpu(() => load(unary(connectBinary)))],
      ['Connect binary, thin h2 client', await withCpu(() => load(rawConnect))],
    ];
    const baseline = results[0][1].rate;
    console.log(
      `ValidateData, 10-field JSON Schema document, ${IN_FLIGHT} calls in flight, ~${MS} ms each`,
    );
    for (const [name, r] of results) {
      console.log(
        `  ${name.padEnd(32)} ${fmt(r.rate).padStart(7)}/s  p50 ${fmt(r.p50, 2)} ms  p99 ${fmt(r.p99, 2)} ms  (${(r.rate / baseline).toFixed(2)}x REST)  ${cpuNote(r)}`,
      );
    }
    await batch(1); // warm-up of the streaming path is part of the first run; run it again
    const oneStream = await withCpu(async () => ({ rate: await batch(1) }));
    const fourStreams = await withCpu(async () => ({ rate: await batch(4) }));
    const rawOne = await withCpu(async () => ({ rate: await rawBatch(1) }));
    const rawFour = await withCpu(async () => ({ rate: await rawBatch(4) }));
    console.log('BatchValidate (gRPC bidi stream, one item per message)');
    console.log(
      `  ${'1 stream, connect-node client'.padEnd(26)} ${fmt(oneStream.rate).padStart(7)}/s  (${(oneStream.rate / baseline).toFixed(1)}x REST unary)  ${cpuNote(oneStream)}  [target >= 50,000/s]`,
    );
    console.log(
      `  ${'4 streams, connect-node client'.padEnd(26)} ${fmt(fourStreams.rate).padStart(7)}/s  (${(fourStreams.rate / baseline).toFixed(1)}x REST unary)  ${cpuNote(fourStreams)}  [target >= 50,000/s]`,
    );
    for (const [name, r] of [
      ['1 stream, thin h2 client', rawOne],
      ['4 streams, thin h2 client', rawFour],
    ]) {
      console.log(
        `  ${name.padEnd(26)} ${fmt(r.rate).padStart(7)}/s  (${(r.rate / baseline).toFixed(1)}x REST unary)  ${cpuNote(r)}  [target >= 50,000/s]`,
      );
    }
  } finally {
    session.close();
    agent.destroy();
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
