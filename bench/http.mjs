// HTTP load test on 127.0.0.1 with autocannon (bounded: 8 s per case, 10 connections), each
// server in its own process: the llmsr server on a SQLite file, and a bare Hono route returning a
// fixed JSON body as the baseline. Run with `pnpm bench http` (builds first).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadWith, waitForHealth } from './http-load.mjs';
import { fmt } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

function start(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', () => resolve(child));
  });
}

const load = (options) => loadWith(options, { connections: CONNECTIONS, duration: DURATION });

const summary = (result) => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.non2xx,
});

const dir = mkdtempSync(join(tmpdir(), 'llmsr-http-'));
const bare = await start(join(here, 'http/bare-server.mjs'), { PORT: '18181' });
const llmsrEnv = {
  PORT: '18182',
  CONNECT_PORT: 'off',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  STORAGE_URL: `sqlite:${join(dir, 'r.db')}`,
};
const server = fork(join(here, '../apps/registry/dist/main.js'), [], {
  env: { ...process.env, ...llmsrEnv },
  stdio: 'inherit',
});
const base = 'http://127.0.0.1:18182';
try {
  await waitForHealth(base);
  const schema = { type: 'object', properties: {}, required: ['p0'] };
  for (let p = 0; p < 10; p++)
    schema.properties[`p${p}`] = p % 2 ? { type: 'integer' } : { type: 'string' };
  const created = await (
    await fetch(`${base}/api/v1/schemas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'bench', schema }),
    })
  ).json();
  const data = {};
  for (let p = 0; p < 10; p++) data[`p${p}`] = p % 2 ? p : `v${p}`;
  const validateBody = JSON.stringify({ schema_id: created.id, data });

  const bareGet = summary(await load({ url: 'http://127.0.0.1:18181/bare' }));
  const getById = summary(await load({ url: `${base}/api/v1/schemas/${created.id}` }));
  const validate = summary(
    await load({
      url: `${base}/api/v1/validate/data`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: validateBody,
    }),
  );
  let n = 0;
  const register = summary(
    await load({
      url: `${base}/api/v1/schemas`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            request.body = JSON.stringify({
              subject: `load-${n}`,
              schema: { type: 'object', title: `t${n++}` },
            });
            return request;
          },
        },
      ],
    }),
  );
  const row = (name, r, target) =>
    console.log(
      `${name.padEnd(34)} ${fmt(r.rps).padStart(8)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${
        target ? `${fmt(r.rps / bareGet.rps, 2)}x bare ${target}` : ''
      }${r.errors ? `  (${r.errors} errors/non-2xx)` : ''}`,
    );
  console.log(
    `HTTP on 127.0.0.1, ${CONNECTIONS} connections, ${DURATION} s per case, autocannon in the bench process`,
  );
  row('bare Hono route (baseline)', bareGet);
  row('GET /api/v1/schemas/:id', getById, '[target >= 0.7x, p99 < 10 ms]');
  row('POST /api/v1/validate/data', validate, '[target >= 0.7x, p99 < 10 ms]');
  row('POST /api/v1/schemas (new content)', register, '(sqlite file)');
  console.log(
    'Published get-by-id on 2 CPUs: Confluent ~6,100 req/s, Redpanda ~7,700, Karapace ~630.',
  );
} finally {
  bare.kill('SIGTERM');
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
