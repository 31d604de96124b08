// @llmsr/storage benchmark: registerVersion and getVersion latency on the memory, SQLite (file)
// and PostgreSQL backends, with the memory backend as the in-run baseline and each driver's own
// round-trip (`SELECT 1`) as the floor of the SQL backends. PostgreSQL runs in a scratch database
// `llmsr_bench_<random>` on postgres://postgres@127.0.0.1:5432 that is dropped afterwards; it is
// skipped with a message when the server cannot be reached.
// Needs the built package: `pnpm build`, then `node bench/storage.mjs`.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSchemaStore } from '../packages/storage/dist/index.js';
import Database from '../packages/storage/node_modules/better-sqlite3/lib/index.js';
import pg from '../packages/storage/node_modules/pg/lib/index.js';
import { fmt, percentile, seededRandom } from './stats.mjs';

const SUBJECTS = 40;
const VERSIONS = 10;
const LOOKUPS = 2_000;
const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Version `v` of subject `s`: a JSON Schema with `v` optional properties beyond the id. */
function newSchema(s, v) {
  const properties = { id: { type: 'integer' } };
  for (let p = 0; p < v; p++) properties[`field_${s}_${p}`] = { type: 'string', maxLength: 100 };
  const schema = JSON.stringify({ type: 'object', properties, required: ['id'] });
  // Keys are already in a stable order, so the text is its own canonical form here.
  return {
    schemaType: 'JSON',
    fingerprint: createHash('sha256').update(schema).digest('hex'),
    canonical: schema,
    schema,
    references: [],
  };
}

const inputs = [];
for (let v = 1; v <= VERSIONS; v++) {
  for (let s = 0; s < SUBJECTS; s++)
    inputs.push({ subject: `bench-${s}`, v, schema: newSchema(s, v) });
}

async function timeEach(items, fn) {
  const latencies = [];
  const start = performance.now();
  for (const item of items) {
    const started = performance.now();
    await fn(item);
    latencies.push(performance.now() - started);
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: items.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Registers every input, then reads random (seeded) versions; returns the two summaries. */
async function runBackend(store) {
  const register = await timeEach(inputs, ({ subject, v, schema }) =>
    store.registerVersion({
      subject,
      schema,
      decide: (history) => {
        if (history.length !== v - 1) throw new Error(`unexpected history of ${subject}`);
        return { semver: `1.${v - 1}.0`, compatibilityLevel: 'BACKWARD' };
      },
    }),
  );
  const random = seededRandom(7);
  const lookups = Array.from({ length: LOOKUPS }, () => ({
    subject: `bench-${Math.floor(random() * SUBJECTS)}`,
    version: 1 + Math.floor(random() * VERSIONS),
  }));
  const found = await store.getVersion(lookups[0].subject, lookups[0].version);
  if (found?.version !== lookups[0].version) throw new Error('getVersion found nothing');
  const getVersion = await timeEach(lookups, ({ subject, version }) =>
    store.getVersion(subject, version),
  );
  const latest = await timeEach(lookups.slice(0, LOOKUPS / 2), ({ subject }) =>
    store.getLatestVersion(subject),
  );
  return { register, getVersion, latest };
}

const ms = (value) => `${fmt(value, 3)} ms`;
function report(name, result, baseline, floor) {
  const vs = (key) =>
    baseline && baseline !== result
      ? ` (${fmt(result[key].p50 / baseline[key].p50, 1)}x memory p50)`
      : '';
  const line = (label, key) =>
    `    ${label.padEnd(18)} ${fmt(result[key].perSecond).padStart(8)}/s  p50 ${ms(result[key].p50)}  p99 ${ms(result[key].p99)}${vs(key)}`;
  console.log(`  ${name}:`);
  console.log(line('registerVersion', 'register'));
  console.log(line('getVersion', 'getVersion'));
  console.log(line('getLatestVersion', 'latest'));
  if (floor) {
    console.log(
      `    driver floor (SELECT 1 on one connection): p50 ${fmt(floor.p50 * 1000, 1)} µs, p99 ${fmt(floor.p99 * 1000, 1)} µs`,
    );
    console.log(
      `    driver floor (one-row INSERT transaction, same durability settings): p50 ${ms(floor.commit.p50)}, p99 ${ms(floor.commit.p99)}; registerVersion p50 = ${fmt(result.register.p50 / floor.commit.p50, 1)}x`,
    );
  }
}

async function driverFloor(query, count = 500) {
  const latencies = [];
  for (let i = 0; i < 20; i++) await query();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await query();
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

console.log(
  `storage: ${fmt(inputs.length)} registrations (${SUBJECTS} subjects x ${VERSIONS} versions, sequential), ${fmt(LOOKUPS)} getVersion and ${fmt(LOOKUPS / 2)} getLatestVersion lookups (seeded random)`,
);

const memory = await createSchemaStore('memory:');
const memoryResult = await runBackend(memory);
await memory.close();
report('memory (baseline)', memoryResult);

const dir = mkdtempSync(join(tmpdir(), 'llmsr-bench-storage-'));
try {
  const file = join(dir, 'bench.db');
  const sqlite = await createSchemaStore(`sqlite:${file}`);
  const sqliteResult = await runBackend(sqlite);
  await sqlite.close();
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const select = raw.prepare('SELECT 1');
  const floor = await driverFloor(() => select.get());
  raw.exec('CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO bench_floor (body) VALUES (?)');
  const insertOne = raw.transaction(() => insert.run('x'.repeat(200)));
  floor.commit = await driverFloor(() => insertOne());
  raw.close();
  report(`sqlite (file ${file.replace(dir, '<tmp>')})`, sqliteResult, memoryResult, floor);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const database = `llmsr_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({
  connectionString: POSTGRES_ADMIN_URL,
  connectionTimeoutMillis: 3_000,
});
let connected = false;
try {
  await admin.connect();
  connected = true;
} catch (error) {
  console.log(`  postgres: skipped, ${POSTGRES_ADMIN_URL} is unreachable (${error.message})`);
}
if (connected) {
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    const url = `postgres://postgres@127.0.0.1:5432/${database}`;
    const store = await createSchemaStore(url);
    const result = await runBackend(store);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const floor = await driverFloor(() => client.query('SELECT 1'));
    await client.query('CREATE TABLE bench_floor (id serial PRIMARY KEY, body text NOT NULL)');
    floor.commit = await driverFloor(async () => {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_floor (body) VALUES ($1)', ['x'.repeat(200)]);
      await client.query('COMMIT');
    });
    await client.end();
    report(`postgres (scratch database ${database})`, result, memoryResult, floor);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}
