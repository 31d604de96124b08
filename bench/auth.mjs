// The cost of authentication per request: GET /api/v1/schemas/:id with AUTH=off against AUTH=on
// (an API key; the same key limited to a subject prefix; the bootstrap admin key), each server in
// its own process on a SQLite file, same run, autocannon on 127.0.0.1 (bounded: 3 alternating rounds of 4 s per
// case, 10 connections). Run with `pnpm bench auth` (builds first).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadWith, waitForHealth } from './http-load.mjs';
import { fmt } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 3;
const CONNECTIONS = 10;
const ADMIN_KEY = 'bench-admin-key-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'llmsr-auth-'));

function startRegistry(port, env) {
  return fork(join(here, '../apps/registry/dist/main.js'), [], {
    env: {
      ...process.env,
      PORT: String(port),
      CONNECT_PORT: 'off',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      STORAGE_URL: `sqlite:${join(dir, `r${port}.db`)}`,
      ...env,
    },
    stdio: 'inherit',
  });
}

const load = (options) => loadWith(options, { connections: CONNECTIONS, duration: DURATION });

async function post(url, headers, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return response.json();
}

const off = startRegistry(18191, {});
const on = startRegistry(18192, {
  AUTH: 'on',
  ADMIN_API_KEY: ADMIN_KEY,
  RATE_LIMIT_ANONYMOUS: '0',
});
try {
  const offUrl = 'http://127.0.0.1:18191';
  const onUrl = 'http://127.0.0.1:18192';
  await Promise.all([waitForHealth(offUrl), waitForHealth(onUrl)]);
  const admin = { 'x-api-key': ADMIN_KEY };
  const schema = { type: 'object', properties: { id: { type: 'integer' } } };
  const a = await post(`${offUrl}/api/v1/schemas`, {}, { subject: 'team-a.bench', schema });
  const b = await post(`${onUrl}/api/v1/schemas`, admin, { subject: 'team-a.bench', schema });
  const reader = await post(`${onUrl}/api/v1/auth/keys`, admin, { name: 'r', role: 'reader' });
  const limited = await post(`${onUrl}/api/v1/auth/keys`, admin, {
    name: 'l',
    role: 'reader',
    subjects: ['team-a.'],
  });
  const cases = [
    ['AUTH=off (baseline)', `${offUrl}/api/v1/schemas/${a.id}`, {}],
    [
      'AUTH=on, reader API key',
      `${onUrl}/api/v1/schemas/${b.id}`,
      { authorization: `Bearer ${reader.key}` },
    ],
    [
      'AUTH=on, key limited to team-a.',
      `${onUrl}/api/v1/schemas/${b.id}`,
      { authorization: `Bearer ${limited.key}` },
    ],
    ['AUTH=on, bootstrap admin key', `${onUrl}/api/v1/schemas/${b.id}`, admin],
  ];
  console.log(
    `GET /api/v1/schemas/:id, ${CONNECTIONS} connections, ${DURATION} s per case, ${ROUNDS} rounds alternating the cases (median), after a 2 s warm-up each`,
  );
  for (const [, url, headers] of cases)
    await loadWith({ url, headers }, { connections: CONNECTIONS, duration: 2 });
  const runs = cases.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, url, headers]] of cases.entries())
      runs[index].push(await load({ url, headers }));
  }
  const median = (results, pick) =>
    results.map(pick).sort((x, y) => x - y)[Math.floor(results.length / 2)];
  let baseline;
  for (const [index, [name]] of cases.entries()) {
    const rps = median(runs[index], (r) => r.requests.average);
    const p99 = median(runs[index], (r) => r.latency.p99);
    const non2xx = runs[index].reduce((sum, r) => sum + r.non2xx, 0);
    baseline ??= rps;
    console.log(
      `${name.padEnd(34)} ${fmt(rps).padStart(8)} req/s  p99 ${p99} ms  ${fmt(rps / baseline, 2)}x off${non2xx ? `  (${non2xx} non-2xx)` : ''}`,
    );
  }
} finally {
  off.kill('SIGTERM');
  on.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dir, { recursive: true, force: true });
}
