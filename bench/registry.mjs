// In-process registry benchmark on a SQLite file: register throughput and latency, get-by-id
// cached and uncached, and validation through the registry against the raw compiled ajv function.
// Run with `pnpm bench` (builds first) or `node bench/registry.mjs` after `pnpm build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRegistry } from '../packages/core/dist/index.js';
import { createSchemaStore } from '../packages/storage/dist/index.js';
import { jsonSchemaFormat } from '../packages/validation/dist/index.js';
import { Ajv2020 } from '../packages/validation/node_modules/ajv/dist/2020.js';
import { fmt, opsPerSecond, opsPerSecondSync, percentile } from './stats.mjs';

const dir = mkdtempSync(join(tmpdir(), 'llmsr-bench-'));
// The store is shared with a second, cold-cache registry below.
const store = await createSchemaStore(`sqlite:${join(dir, 'bench.db')}`);
const registry = await createRegistry({ storage: store });

// 1. Register: 100 subjects x 20 compatible versions (each adds an optional property).
const SUBJECTS = 100;
const VERSIONS = 20;
const latencies = [];
const registerStart = performance.now();
for (let v = 0; v < VERSIONS; v++) {
  for (let s = 0; s < SUBJECTS; s++) {
    const properties = { id: { type: 'integer' } };
    for (let p = 0; p < v; p++) properties[`field_${s}_${p}`] = { type: 'string' };
    const started = performance.now();
    await registry.schemas.register({
      subject: `subject-${s}`,
      schema: { type: 'object', properties, required: ['id'], additionalProperties: false },
    });
    latencies.push(performance.now() - started);
  }
}
const registerSeconds = (performance.now() - registerStart) / 1000;
latencies.sort((a, b) => a - b);
const registers = SUBJECTS * VERSIONS;
console.log(
  `register (sqlite file, ${registers} versions, BACKWARD checks): ${fmt(registers / registerSeconds)}/s, p50 ${fmt(percentile(latencies, 50), 3)} ms, p99 ${fmt(percentile(latencies, 99), 3)} ms  [target >= 1,000/s, p99 < 10 ms]`,
);

// 2. Get by id: cached (hot view cache) and uncached (a registry with a one-entry cache, cycling ids).
const ids = [];
for (let s = 0; s < SUBJECTS; s++)
  ids.push((await registry.subjects.getVersionOrThrow(`subject-${s}`, 'latest')).id);
const cached = await opsPerSecond((i) => registry.schemas.get(ids[i % ids.length]), {
  batch: 10_000,
});
const cold = await createRegistry({ storage: store, schemaCacheSize: 1 });
const uncached = await opsPerSecond((i) => cold.schemas.get(ids[i % ids.length]), { batch: 200 });
console.log(
  `get schema by id: cached ${fmt(cached)}/s [target >= 1,000,000/s], uncached (sqlite) ${fmt(uncached)}/s`,
);

// 3. Validate a small object against a 10-property schema: registry vs the compiled ajv function.
const properties = {};
for (let p = 0; p < 10; p++)
  properties[`p${p}`] = p % 2 ? { type: 'integer', minimum: 0 } : { type: 'string', maxLength: 50 };
const schema = { type: 'object', properties, required: ['p0', 'p1'] };
const { version } = await registry.schemas.register({ subject: 'validate-bench', schema });
const data = {};
for (let p = 0; p < 10; p++) data[`p${p}`] = p % 2 ? p : `value ${p}`;
// Baselines: ajv with its defaults, and the very function the registry wraps (compiled with the
// registry's options: allErrors, ownProperties...). The second isolates the registry's own overhead.
const plain = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const raw = jsonSchemaFormat.compileAjvFunction(jsonSchemaFormat.parse(JSON.stringify(schema)));
if (!raw(data) || !plain(data)) throw new Error('bench data must be valid');
const plainOps = opsPerSecondSync(() => plain(data), { ms: 1500 });
const rawOps = opsPerSecondSync(() => raw(data), { ms: 1500 });
const timed = await registry.validation.getValidator({ schemaId: version.id });
const timedOps = opsPerSecondSync(() => timed.validate(data), { ms: 1500 });
const untimed = await registry.validation.getValidator({ schemaId: version.id, timing: false });
const untimedOps = opsPerSecondSync(() => untimed.validate(data), { ms: 1500 });
const viaRegistry = await opsPerSecond(
  () => registry.validation.validate({ schemaId: version.id, data, timing: false }),
  {
    ms: 1500,
    batch: 10_000,
  },
);
const viaRegistryTimed = await opsPerSecond(
  () => registry.validation.validate({ schemaId: version.id, data }),
  {
    ms: 1500,
    batch: 10_000,
  },
);
const ratio = (ops) => `${fmt(ops / rawOps, 2)}x raw ajv`;
console.log(`validate (10-property object): ajv with default options ${fmt(plainOps)}/s`);
console.log(`  baseline: the compiled ajv function the registry wraps ${fmt(rawOps)}/s`);
console.log(
  `  registry validator, timing off:        ${fmt(untimedOps)}/s = ${ratio(untimedOps)} [target >= 0.8x]`,
);
console.log(
  `  registry validator, validationTimeMs:  ${fmt(timedOps)}/s = ${ratio(timedOps)} (two clock reads per call)`,
);
console.log(
  `  await registry.validation.validate, timing off: ${fmt(viaRegistry)}/s = ${ratio(viaRegistry)}`,
);
console.log(
  `  await registry.validation.validate, timed:      ${fmt(viaRegistryTimed)}/s = ${ratio(viaRegistryTimed)}`,
);

await registry.close();
rmSync(dir, { recursive: true, force: true });
