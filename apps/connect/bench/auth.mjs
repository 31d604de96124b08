// The cost of access control per Connect call: GetSchema by id over gRPC (HTTP/2, binary) against
// a registry with auth off (no interceptor) and one with auth on (API key verified from its
// cache, role and schema-id check, rate limiter on), both measured in this run, same process.
// Bounded: about BENCH_MS (default 2,000) ms per case, 3 rounds alternating. Needs a build:
// `pnpm --filter @llmsr/connect... build`, then `node apps/connect/bench/auth.mjs`.
import { createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { startConnectServer } from '@llmsr/connect';
import { createRegistry } from '@llmsr/core';
import { SchemaRegistryService } from '@llmsr/proto';

const MS = Number(process.env.BENCH_MS ?? 2000);
const IN_FLIGHT = 16;
const ADMIN_KEY = 'bench-admin-key-0123456789';
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Calls per second and CPU microseconds per call of `call` with `inFlight` concurrent callers for about MS milliseconds. */
async function throughput(call, inFlight = IN_FLIGHT) {
  for (let i = 0; i < 300; i++) await call();
  const end = Date.now() + MS;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      await call();
      done++;
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const used = process.cpuUsage(cpu);
  // CPU per call (client and server together) is the figure least disturbed by other load.
  return {
    rate: (done / (performance.now() - start)) * 1000,
    cpuUs: (used.user + used.system) / done,
  };
}

/** A served registry and a client calling GetSchema by id, with `headers` on every call. */
async function setup(auth, subjects) {
  const registry = await createRegistry({ storage: 'memory:', auth });
  const { version } = await registry.schemas.register({
    subject: 'team-a.bench',
    schema: { type: 'object', properties: { n: { type: 'integer' } } },
  });
  let headers = {};
  if (auth?.enabled) {
    const admin = await registry.access.authenticate({ authorization: `Bearer ${ADMIN_KEY}` });
    // With prefixes, the schema-id check also looks up the subjects holding the id.
    const created = await registry.access.keys.create(
      { name: 'bench', role: 'reader', subjects },
      admin,
    );
    headers = { authorization: `Bearer ${created.key}` };
  }
  const server = await startConnectServer({ registry, port: 0, host: '127.0.0.1' });
  const client = createClient(
    SchemaRegistryService,
    createGrpcTransport({ baseUrl: `http://127.0.0.1:${server.port}` }),
  );
  const request = { selector: { case: 'id', value: version.id } };
  return {
    call: () => client.getSchema(request, { headers }),
    close: async () => {
      await server.close();
      await registry.close();
    },
  };
}

const auth = { enabled: true, adminApiKey: ADMIN_KEY, rateLimits: { reader: 1_000_000_000 } };
const cases = {
  'auth off': await setup(undefined),
  'auth on, reader key': await setup(auth, undefined),
  'auth on, key limited to team-a.': await setup(auth, ['team-a.']),
};
const rates = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < 3; round++) {
  for (const [name, { call }] of Object.entries(cases)) rates[name].push(await throughput(call));
}
const base = Math.min(...rates['auth off'].map((r) => r.cpuUs));
console.log(`GetSchema by id over gRPC, ${IN_FLIGHT} in flight, 3 rounds of ${MS} ms`);
for (const [name, list] of Object.entries(rates)) {
  const cpu = Math.min(...list.map((r) => r.cpuUs));
  const rate = Math.max(...list.map((r) => r.rate));
  console.log(
    `${name.padEnd(32)} ${fmt(rate).padStart(7)} calls/s  ${cpu.toFixed(0).padStart(5)} us CPU per call` +
      (name === 'auth off'
        ? ''
        : `  (+${(cpu - base).toFixed(0)} us, +${((100 * (cpu - base)) / base).toFixed(1)} %)`),
  );
}
for (const { close } of Object.values(cases)) await close();
