// @llmsr/compatibility benchmark: a FULL_TRANSITIVE check of a 200-property/field schema against
// its 100 earlier versions, in JSON Schema, Avro and Protobuf (each version adds one property
// and changes another's documentation, all compatibly). The history is parsed once and reused,
// as the registry caches parsed schemas by id; the candidate is parsed afresh for every run, as
// it is on each registration. Baselines in the same run: one pairwise reader/writer check through
// the same checker, and for Avro avsc's own `createResolver` (the library's compatibility check).
// Needs the built packages: `pnpm build`, then `node bench/compatibility.mjs [JSON|AVRO|PROTOBUF]`.
import { performance } from 'node:perf_hooks';
import { checkCompatibility, defaultCheckers } from '../packages/compatibility/dist/index.js';
import { getSchemaFormat } from '../packages/validation/dist/index.js';
import { fmt, percentile, sampleLatencies, sampleWallAndCpu } from './stats.mjs';

const HISTORY = 100;
/** The candidate (version 101) has 200 properties; version v has 99 + v. */
const BASE = 99;
const RUNS = 100;
const PAIR_RUNS = 100;
const COLD_RUNS = 5;
const TARGET_P99_MS = 50;

const KINDS = ['string', 'integer', 'number', 'boolean', 'strings'];
const kindOf = (i) => KINDS[i % KINDS.length];
const pad = (i) => String(i).padStart(3, '0');
/** The property whose documentation version `v` rewrites (an annotation-only change). */
const docOf = (i, version) => `field ${i}${i === version % 50 ? `, revised in v${version}` : ''}`;

function jsonSchema(version) {
  const count = BASE + version;
  const properties = {};
  for (let i = 0; i < count; i++) {
    // Properties added after the first version match additionalProperties (see below).
    const kind = i > BASE ? 'string' : kindOf(i);
    const description = docOf(i, version);
    if (kind === 'strings')
      properties[`p${pad(i)}`] = { type: 'array', items: { type: 'string' }, description };
    else if (kind === 'string')
      properties[`p${pad(i)}`] = { type: 'string', maxLength: 200, description };
    else if (kind === 'integer')
      properties[`p${pad(i)}`] = { type: 'integer', minimum: 0, description };
    else properties[`p${pad(i)}`] = { type: kind, description };
  }
  // A partially open content model: a property added later has the additionalProperties schema,
  // so adding it is compatible both ways (Confluent's STRICT policy rejects additions to a fully
  // open model, and a closed one rejects them forward).
  return JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties,
    required: ['p000', 'p001'],
    additionalProperties: { type: 'string', maxLength: 200 },
  });
}

const AVRO_TYPES = {
  string: 'string',
  integer: 'long',
  number: 'double',
  boolean: 'boolean',
  strings: { type: 'array', items: 'string' },
};
const AVRO_DEFAULTS = { string: '', integer: 0, number: 0, boolean: false, strings: [] };

function avroSchema(version) {
  const fields = [];
  for (let i = 0; i < BASE + version; i++) {
    const kind = kindOf(i);
    const field = { name: `f${pad(i)}`, type: AVRO_TYPES[kind], doc: docOf(i, version) };
    // Fields after the first version's carry a default, so each side can read the other.
    if (i >= BASE + 1) field.default = AVRO_DEFAULTS[kind];
    fields.push(field);
  }
  return JSON.stringify({ type: 'record', name: 'Wide', namespace: 'bench', fields });
}

const PROTO_TYPES = {
  string: 'string',
  integer: 'int64',
  number: 'double',
  boolean: 'bool',
  strings: 'string',
};

function protobufSchema(version) {
  const lines = [];
  for (let i = 0; i < BASE + version; i++) {
    const kind = kindOf(i);
    lines.push(`  // ${docOf(i, version)}`);
    lines.push(
      `  ${kind === 'strings' ? 'repeated ' : ''}${PROTO_TYPES[kind]} f${pad(i)} = ${i + 1};`,
    );
  }
  return `syntax = "proto3";\npackage bench;\n\nmessage Wide {\n${lines.join('\n')}\n}\n`;
}

const only = process.argv[2];
const FORMATS = [
  ['JSON', jsonSchema],
  ['AVRO', avroSchema],
  ['PROTOBUF', protobufSchema],
].filter(([schemaType]) => only === undefined || schemaType === only.toUpperCase());

const ms = (value) => `${fmt(value, 2)} ms`;
console.log(
  `FULL_TRANSITIVE, candidate with 200 properties/fields against ${HISTORY} earlier versions (${RUNS} runs; target p99 < ${TARGET_P99_MS} ms)`,
);
for (const [schemaType, schemaOf] of FORMATS) {
  const format = getSchemaFormat(schemaType);
  const parseHistory = () => {
    const previous = [];
    for (let version = HISTORY; version >= 1; version--) {
      previous.push({ version, schema: format.parse(schemaOf(version)) });
    }
    return previous;
  };
  const previous = parseHistory();
  const candidateText = schemaOf(HISTORY + 1);
  const check = (candidate, history) =>
    checkCompatibility({ schemaType, level: 'FULL_TRANSITIVE', candidate, previous: history });

  const verdict = check(format.parse(candidateText), previous);
  if (!verdict.compatible || verdict.comparedVersions.length !== HISTORY) {
    const first = verdict.violations[0];
    throw new Error(
      `bench history must be compatible: ${schemaType} ${first?.rule} ${first?.path} ${first?.message}`,
    );
  }

  // Warm history (reused parsed schemas), fresh candidate each run; only the check is timed.
  const candidates = Array.from({ length: RUNS + 10 }, () => format.parse(candidateText));
  const { wall: warm, cpu: warmCpu } = sampleWallAndCpu((i) => check(candidates[i], previous), {
    count: RUNS,
    warmup: 10,
  });

  // Same candidate object every run: what caches keyed on parsed schemas can do at best.
  const same = candidates[0];
  const reused = sampleLatencies(() => check(same, previous), { count: RUNS, warmup: 10 });

  // Cold: a freshly parsed history and candidate each run (first check after a restart).
  const cold = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const history = parseHistory();
    const candidate = format.parse(candidateText);
    const start = performance.now();
    check(candidate, history);
    cold.push(performance.now() - start);
  }
  cold.sort((a, b) => a - b);

  // Baseline: one pairwise check (both directions of FULL) through the same checker, fresh candidate.
  const checker = defaultCheckers[schemaType];
  const pairCandidates = Array.from({ length: PAIR_RUNS + 10 }, () => format.parse(candidateText));
  const newest = previous[0].schema;
  const oldest = previous[previous.length - 1].schema;
  // Each half of the fresh candidates is used once: a checked candidate carries warm caches.
  const pairWith = (old, offset) =>
    sampleLatencies(
      (i) => {
        checker.checkReaderWriter(pairCandidates[offset + i], old);
        checker.checkReaderWriter(old, pairCandidates[offset + i]);
      },
      { count: PAIR_RUNS / 2, warmup: 5 },
    );
  const pair = pairWith(newest, 0);
  const pairOldest = pairWith(oldest, (PAIR_RUNS + 10) / 2);

  const p50 = percentile(warm, 50);
  const p99 = percentile(warm, 99);
  const pairP50 = percentile(pair, 50);
  console.log(`  ${schemaType}:`);
  console.log(
    `    fresh candidate, cached history: p50 ${ms(p50)}, p99 ${ms(p99)} ${p99 < TARGET_P99_MS ? '(meets target)' : '(MISSES target)'}; CPU time p50 ${ms(percentile(warmCpu, 50))}, p99 ${ms(percentile(warmCpu, 99))}`,
  );
  console.log(
    `    same candidate reused:           p50 ${ms(percentile(reused, 50))}, p99 ${ms(percentile(reused, 99))}`,
  );
  console.log(
    `    cold (history just parsed):      p50 ${ms(percentile(cold, 50))}, max ${ms(cold[cold.length - 1])} (${COLD_RUNS} runs)`,
  );
  console.log(
    `    baseline, one pairwise FULL check (fresh candidate): with the newest version p50 ${ms(pairP50)}, p99 ${ms(percentile(pair, 99))}; with the oldest p50 ${ms(percentile(pairOldest, 50))}; transitive p50 = ${fmt(p50 / pairP50, 1)}x one newest pair (${HISTORY} pairs)`,
  );
  if (schemaType === 'AVRO') {
    // avsc's resolver is what Avro libraries use to decide reader/writer compatibility.
    const candidateType = candidates[0].native;
    const newestType = newest.native;
    const resolver = sampleLatencies(
      () => {
        candidateType.createResolver(newestType);
        newestType.createResolver(candidateType);
      },
      { count: PAIR_RUNS, warmup: 10 },
    );
    console.log(
      `    raw avsc createResolver, both directions, one pair: p50 ${ms(percentile(resolver, 50))}, p99 ${ms(percentile(resolver, 99))}; llmsr pairwise = ${fmt(pairP50 / percentile(resolver, 50), 2)}x avsc`,
    );
  }
}
