// @llmsr/validation benchmark: validate throughput per format (JSON Schema, Avro, Protobuf) on a
// 10-field object and a 50-line order, through `getSchemaFormat(type).parse` + `.compile`
// (timed and `{ timing: false }`) against the raw library call in the same process: the compiled
// ajv function, avsc `Type.isValid`, protobufjs `verify` and `fromObject`. Then parse + compile
// time per schema (p50/p99 per format) and the hit rate of `createValidatorCache` under a skewed
// (seeded Zipf) access pattern over 1,000 schemas.
// Needs the built package: `pnpm build`, then `node bench/validation.mjs` (or `pnpm bench validation`).
import { performance } from 'node:perf_hooks';
import {
  createValidatorCache,
  findProtobufMessage,
  getSchemaFormat,
  jsonSchemaFormat,
  validatorCacheKey,
} from '../packages/validation/dist/index.js';
import {
  fmt,
  opsPerSecondSync,
  percentile,
  sampleWallAndCpu,
  seededRandom,
  zipfSampler,
} from './stats.mjs';

// Interleaved short rounds, best of each: on a shared machine contention only ever slows a
// round down, so the fastest round is the closest to the code's own speed.
const ROUNDS = 5;
const ROUND_MS = 250;

// ---------------------------------------------------------------------------------------------
// Schemas: the same shapes in the three formats. `suffix` makes distinct schemas of one shape.

const USER_FIELDS = [
  ['id', 'integer'],
  ['name', 'string'],
  ['email', 'string'],
  ['age', 'integer'],
  ['active', 'boolean'],
  ['score', 'number'],
  ['country', 'string'],
  ['created_at', 'long'],
  ['tags', 'strings'],
  ['note', 'string'],
];

function jsonUserSchema(suffix = '') {
  const properties = {};
  for (const [name, kind] of USER_FIELDS) {
    const key = `${name}${suffix}`;
    if (kind === 'integer') properties[key] = { type: 'integer', minimum: 0 };
    else if (kind === 'long') properties[key] = { type: 'integer' };
    else if (kind === 'number') properties[key] = { type: 'number' };
    else if (kind === 'boolean') properties[key] = { type: 'boolean' };
    else if (kind === 'strings') properties[key] = { type: 'array', items: { type: 'string' } };
    else properties[key] = { type: 'string', maxLength: 200 };
  }
  return {
    type: 'object',
    properties,
    required: [`id${suffix}`, `name${suffix}`, `email${suffix}`],
  };
}

const AVRO_TYPES = {
  integer: 'int',
  long: 'long',
  number: 'double',
  boolean: 'boolean',
  string: 'string',
  strings: { type: 'array', items: 'string' },
};
function avroUserSchema(suffix = '') {
  return {
    type: 'record',
    name: `User${suffix}`,
    namespace: 'bench',
    fields: USER_FIELDS.map(([name, kind]) => ({
      name: `${name}${suffix}`,
      type: AVRO_TYPES[kind],
    })),
  };
}

const PROTO_TYPES = {
  integer: 'int32',
  long: 'int64',
  number: 'double',
  boolean: 'bool',
  string: 'string',
  strings: 'string',
};
function protoUserSchema(suffix = '') {
  const fields = USER_FIELDS.map(
    ([name, kind], i) =>
      `  ${kind === 'strings' ? 'repeated ' : ''}${PROTO_TYPES[kind]} ${name}${suffix} = ${i + 1};`,
  );
  return `syntax = "proto3";\npackage bench;\n\nmessage User${suffix} {\n${fields.join('\n')}\n}\n`;
}

const LINE_FIELDS = [
  ['sku', 'string'],
  ['description', 'string'],
  ['quantity', 'integer'],
  ['unit_price', 'number'],
  ['discount', 'number'],
  ['taxable', 'boolean'],
];
const ORDER_FIELDS = [
  ['order_id', 'string'],
  ['customer_id', 'integer'],
  ['currency', 'string'],
  ['total', 'number'],
  ['placed_at', 'long'],
];

function jsonOrderSchema(suffix = '') {
  const object = (fields) => ({
    type: 'object',
    properties: Object.fromEntries(fields.map(([name, kind]) => [name, jsonField(kind)])),
    required: fields.slice(0, 3).map(([name]) => name),
  });
  const order = object(ORDER_FIELDS);
  order.properties[`lines${suffix}`] = {
    type: 'array',
    items: object(LINE_FIELDS),
    minItems: 1,
    maxItems: 1000,
  };
  return order;
}
function jsonField(kind) {
  return jsonUserSchema().properties[USER_FIELDS.find(([, k]) => k === kind)[0]];
}

function avroOrderSchema(suffix = '') {
  const line = {
    type: 'record',
    name: `Line${suffix}`,
    fields: LINE_FIELDS.map(([name, kind]) => ({ name, type: AVRO_TYPES[kind] })),
  };
  return {
    type: 'record',
    name: `Order${suffix}`,
    namespace: 'bench',
    fields: [
      ...ORDER_FIELDS.map(([name, kind]) => ({ name, type: AVRO_TYPES[kind] })),
      { name: `lines${suffix}`, type: { type: 'array', items: line } },
    ],
  };
}

function protoOrderSchema(suffix = '') {
  const body = (fields) =>
    fields.map(([name, kind], i) => `  ${PROTO_TYPES[kind]} ${name} = ${i + 1};`).join('\n');
  return `syntax = "proto3";\npackage bench;\n\nmessage Order${suffix} {\n${body(ORDER_FIELDS)}\n  repeated Line${suffix} lines${suffix} = ${ORDER_FIELDS.length + 1};\n}\n\nmessage Line${suffix} {\n${body(LINE_FIELDS)}\n}\n`;
}

// Payloads valid in all three formats (snake_case names: the protobuf JSON mapping accepts the
// proto field names, and protobufjs `verify` checks those).
const user = {
  id: 42,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  age: 36,
  active: true,
  score: 97.5,
  country: 'GB',
  created_at: 1_700_000_000_000,
  tags: ['admin', 'beta'],
  note: 'first programmer',
};
const order = {
  order_id: 'ord-0001',
  customer_id: 7,
  currency: 'EUR',
  total: 1234.5,
  placed_at: 1_700_000_000_000,
  lines: Array.from({ length: 50 }, (_, i) => ({
    sku: `SKU-${1000 + i}`,
    description: `Item number ${i}`,
    quantity: 1 + (i % 5),
    unit_price: 9.99 + i,
    discount: i % 3 === 0 ? 0.1 : 0,
    taxable: i % 2 === 0,
  })),
};

const SCHEMAS = {
  JSON: {
    user: (s) => JSON.stringify(jsonUserSchema(s)),
    order: (s) => JSON.stringify(jsonOrderSchema(s)),
  },
  AVRO: {
    user: (s) => JSON.stringify(avroUserSchema(s)),
    order: (s) => JSON.stringify(avroOrderSchema(s)),
  },
  PROTOBUF: { user: protoUserSchema, order: protoOrderSchema },
};

// ---------------------------------------------------------------------------------------------
// 1. Validate throughput against the raw library calls.

/** Measures each candidate in interleaved rounds (fairer on a shared machine); best ops/s. */
function measure(candidates, batch) {
  const results = candidates.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    candidates.forEach(([, fn], i) => {
      results[i].push(opsPerSecondSync(fn, { ms: ROUND_MS, batch }));
    });
  }
  return results.map((ops) => Math.max(...ops));
}

function check(label, ok) {
  if (!ok) throw new Error(`bench data must be valid: ${label}`);
}

/** The raw library calls for one schema, and a plain boolean check of the first one. */
function rawCandidates(type, parsed, data) {
  if (type === 'JSON') {
    const fn = jsonSchemaFormat.compileAjvFunction(parsed, {});
    check('ajv', fn(data));
    return { raws: [['raw compiled ajv function', () => fn(data)]], isValid: fn };
  }
  if (type === 'AVRO') {
    const avroType = parsed.native;
    check('avsc', avroType.isValid(data));
    return {
      raws: [['raw avsc Type.isValid', () => avroType.isValid(data)]],
      isValid: (value) => avroType.isValid(value),
    };
  }
  const message = findProtobufMessage(parsed);
  check('protobufjs verify', message.verify(data) === null);
  message.fromObject(data);
  return {
    raws: [
      ['raw protobufjs verify', () => message.verify(data)],
      ['raw protobufjs fromObject', () => message.fromObject(data)],
    ],
    isValid: (value) => message.verify(value) === null,
  };
}

/**
 * The floor of any validator object: the raw check behind one method call returning a shared
 * result. On a check that takes tens of nanoseconds this layer alone costs a large share.
 */
function minimalWrapper(isValid) {
  const valid = Object.freeze({ valid: true });
  const invalid = Object.freeze({ valid: false });
  return { validate: (value) => (isValid(value) ? valid : invalid) };
}

console.log(
  `validate throughput (best of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms; target >= 0.8x raw)`,
);
for (const [type, shapes] of Object.entries(SCHEMAS)) {
  const format = getSchemaFormat(type);
  for (const [shape, data, batch] of [
    ['10-field object', user, 20_000],
    ['order, 50 lines', order, 1_000],
  ]) {
    const parsed = format.parse((shape.startsWith('order') ? shapes.order : shapes.user)(''));
    const timed = format.compile(parsed);
    const untimed = format.compile(parsed, { timing: false });
    check(`${type} timed`, timed.validate(data).valid);
    check(`${type} untimed`, untimed.validate(data).valid);
    const { raws, isValid } = rawCandidates(type, parsed, data);
    const wrapper = minimalWrapper(isValid);
    const candidates = [
      ...raws,
      ['(ref.) raw check in a 1-line wrapper', () => wrapper.validate(data)],
      ['llmsr validate, timing: false', () => untimed.validate(data)],
      ['llmsr validate, timed (default)', () => timed.validate(data)],
    ];
    const ops = measure(candidates, batch);
    console.log(`  ${type}, ${shape}:`);
    candidates.forEach(([label], i) => {
      const isRaw = i < raws.length;
      const ratios = raws.map(([rawLabel], r) => {
        const name = rawLabel.replace('raw ', '').replace('protobufjs ', '');
        return `${fmt(ops[i] / ops[r], 2)}x ${name}`;
      });
      const suffix = isRaw
        ? i === 0
          ? '(baseline)'
          : `(${fmt(ops[i] / ops[0], 2)}x ${raws[0][0].replace('raw ', '')})`
        : `= ${ratios.join(', ')}`;
      console.log(`    ${label.padEnd(37)} ${fmt(ops[i]).padStart(12)}/s ${suffix}`);
    });
  }
}

// 1b. Protobuf on invalid data: valid documents take the compiled yes/no check, invalid ones
// pay for it and then for the walk that builds every error path. Baseline: protobufjs `verify`,
// which stops at the first problem and returns a message without a path.
{
  const format = getSchemaFormat('PROTOBUF');
  const badUser = { ...user, age: 'thirty-six' };
  const badOrder = {
    ...order,
    lines: [...order.lines.slice(0, -1), { ...order.lines[0], quantity: 1.5 }],
  };
  console.log('\nProtobuf validate on invalid data (errors with JSON pointers, timing: false)');
  for (const [shape, text, data, batch] of [
    ['10-field object, 1 bad field', protoUserSchema(''), badUser, 20_000],
    ['order, 50 lines, last line bad', protoOrderSchema(''), badOrder, 1_000],
  ]) {
    const parsed = format.parse(text);
    const validator = format.compile(parsed, { timing: false });
    const message = findProtobufMessage(parsed);
    check(
      `${shape} must be invalid`,
      !validator.validate(data).valid && message.verify(data) !== null,
    );
    const candidates = [
      ['raw protobufjs verify', () => message.verify(data)],
      ['llmsr validate, timing: false', () => validator.validate(data)],
    ];
    const ops = measure(candidates, batch);
    console.log(`  PROTOBUF, ${shape}:`);
    console.log(`    ${candidates[0][0].padEnd(37)} ${fmt(ops[0]).padStart(12)}/s (baseline)`);
    console.log(
      `    ${candidates[1][0].padEnd(37)} ${fmt(ops[1]).padStart(12)}/s = ${fmt(ops[1] / ops[0], 2)}x verify`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Parse + compile time per schema (distinct schemas, so nothing is reused).

const COMPILE_COUNT = 200;
console.log(
  `\nparse + compile per schema (${COMPILE_COUNT} distinct schemas each; JSON compiles while parsing, strict compiles again)`,
);
let serial = 0;
const compileCases = [
  ['JSON', 'user', {}],
  ['JSON', 'order', {}],
  ['JSON', 'user', { strict: true }],
  ['AVRO', 'user', {}],
  ['AVRO', 'order', {}],
  ['PROTOBUF', 'user', {}],
  ['PROTOBUF', 'order', {}],
];
for (const [type, shape, options] of compileCases) {
  const format = getSchemaFormat(type);
  const texts = Array.from({ length: COMPILE_COUNT + 40 }, () =>
    SCHEMAS[type][shape](`_${serial++}`),
  );
  const { wall, cpu } = sampleWallAndCpu((i) => format.compile(format.parse(texts[i]), options), {
    count: COMPILE_COUNT,
    warmup: 40,
  });
  const label = `${type} ${shape === 'user' ? '10-field object' : 'order + line'}${options.strict ? ', strict' : ''}`;
  console.log(
    `  ${label.padEnd(30)} p50 ${fmt(percentile(wall, 50), 3)} ms, p99 ${fmt(percentile(wall, 99), 3)} ms (CPU p50 ${fmt(percentile(cpu, 50), 3)} ms, p99 ${fmt(percentile(cpu, 99), 3)} ms)`,
  );
}

// ---------------------------------------------------------------------------------------------
// 3. Validator cache hit rate: 1,000 schemas (a third per format), seeded Zipf access (s = 1).

const SCHEMA_COUNT = 1_000;
const ACCESSES = 10_000;
const ZIPF_S = 1;
const TYPES = ['JSON', 'AVRO', 'PROTOBUF'];
const mix = Array.from({ length: SCHEMA_COUNT }, (_, id) => {
  const type = TYPES[id % 3];
  return { id, type, text: SCHEMAS[type].user(`_c${id}`) };
});
const random = seededRandom(20_261_121);
const zipf = zipfSampler(SCHEMA_COUNT, { s: ZIPF_S, random });
// Popularity is independent of id (and so of format): a seeded shuffle maps rank to schema.
const byRank = mix.map((_, i) => i);
for (let i = byRank.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [byRank[i], byRank[j]] = [byRank[j], byRank[i]];
}
const accesses = Array.from({ length: ACCESSES }, () => byRank[zipf.next()]);
const distinct = new Set(accesses).size;

console.log(
  `\nvalidator cache: ${fmt(SCHEMA_COUNT)} schemas (JSON/Avro/Protobuf mix), ${fmt(ACCESSES)} lookups, Zipf s=${ZIPF_S} (seeded), ${fmt(distinct)} distinct schemas touched; a miss parses + compiles`,
);
for (const maxEntries of [100, 500, 1_000]) {
  const cache = createValidatorCache({ maxEntries });
  const start = performance.now();
  for (const id of accesses) {
    const { type, text } = mix[id];
    cache.getOrCompile(validatorCacheKey(id, { timing: false }), () => {
      const format = getSchemaFormat(type);
      return format.compile(format.parse(text), { timing: false });
    });
  }
  const seconds = (performance.now() - start) / 1000;
  const stats = cache.stats();
  // Baselines: the best any cache of this size could do with perfect knowledge of popularity
  // (the top-N probability mass), and the cold misses every cache pays (first touch of a schema).
  const staticBest = zipf.probabilities.slice(0, maxEntries).reduce((a, b) => a + b, 0);
  const ceiling = (ACCESSES - distinct) / ACCESSES;
  console.log(
    `  maxEntries ${fmt(maxEntries).padStart(5)}: hit rate ${fmt(stats.hitRate * 100, 1)} % (${fmt(stats.hits)} hits, ${fmt(stats.misses)} misses, ${fmt(stats.evictions)} evictions); steady-state static top-${maxEntries} bound ${fmt(staticBest * 100, 1)} %, cold-miss ceiling ${fmt(ceiling * 100, 1)} %; ${fmt((seconds * 1e6) / ACCESSES, 1)} µs/lookup`,
  );
}
