// REST body schema library choice (issue 12): parse a typical register body and validate-data
// body (already JSON.parse'd, as the server hands them over) with zod v4, valibot and the
// hand-written field readers the server used before, in the same process. Prints ops/s (best of
// interleaved rounds: on a shared machine contention only slows a round down).
// Run with `node bench/rest-schemas.mjs` (or `pnpm bench rest-schemas`).
import { createRequire } from 'node:module';
import * as v from 'valibot';
import { fmt, opsPerSecondSync } from './stats.mjs';

// zod is a dependency of @llmsr/spec, not of the root: resolve it from there.
const { z } = createRequire(new URL('../packages/spec/package.json', import.meta.url))('zod');

const ROUNDS = 5;
const ROUND_MS = 250;

const schema = { type: 'object', properties: {}, required: ['p0'] };
for (let p = 0; p < 10; p++) schema.properties[`p${p}`] = { type: p % 2 ? 'integer' : 'string' };
const registerBody = {
  subject: 'orders-value',
  schema,
  schema_type: 'JSON',
  metadata: { properties: { owner: 'team-a' }, tags: ['pii'] },
  references: [{ name: 'common', subject: 'common', version: 1 }],
  created_by: 'alice',
  normalize: false,
};
const data = {};
for (let p = 0; p < 10; p++) data[`p${p}`] = p % 2 ? p : `v${p}`;
const validateBody = { schema_id: 12, data, strict: true };

// --- hand-written (the server's body-fields.ts readers, inlined) ----------------------------
const fail = (field) => {
  throw new Error(`'${field}' is invalid`);
};
const optString = (b, f) => {
  const x = b[f];
  if (x === undefined || x === null) return undefined;
  return typeof x === 'string' ? x : fail(f);
};
const optBool = (b, f) => {
  const x = b[f];
  if (x === undefined || x === null) return undefined;
  return typeof x === 'boolean' ? x : fail(f);
};
const optInt = (b, f) => {
  const x = b[f];
  if (x === undefined || x === null) return undefined;
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0 ? x : fail(f);
};
const optStrOrInt = (b, f) => {
  const x = b[f];
  if (x === undefined || x === null) return undefined;
  return typeof x === 'string' || (typeof x === 'number' && Number.isSafeInteger(x)) ? x : fail(f);
};
const isObject = (b) => typeof b === 'object' && b !== null && !Array.isArray(b);
const hand = {
  register: (b) => {
    if (!isObject(b)) fail('body');
    const subject = optString(b, 'subject') ?? fail('subject');
    return {
      subject,
      schema: b.schema,
      schemaType: optString(b, 'schema_type'),
      compatibilityLevel: optString(b, 'compatibility_level'),
      metadata: b.metadata,
      references: b.references,
      semver: optString(b, 'version'),
      createdBy: optString(b, 'created_by'),
      id: optInt(b, 'id'),
      version: optInt(b, 'version_number'),
      normalize: optBool(b, 'normalize'),
    };
  },
  validate: (b) => {
    if (!isObject(b)) fail('body');
    return {
      schemaId: optStrOrInt(b, 'schema_id'),
      subject: optString(b, 'subject'),
      version: optStrOrInt(b, 'version'),
      strict: optBool(b, 'strict'),
      messageName: optString(b, 'message_name'),
      data: b.data,
    };
  },
};

// --- zod v4 -------------------------------------------------------------------------------
const zStrOrInt = z.union([z.string(), z.number().int()]);
const zRegister = z.object({
  subject: z.string(),
  schema: z.unknown(),
  schema_type: z.string().nullish(),
  compatibility_level: z.string().nullish(),
  metadata: z.unknown(),
  references: z.unknown(),
  version: z.string().nullish(),
  created_by: z.string().nullish(),
  id: z.number().int().positive().nullish(),
  version_number: z.number().int().positive().nullish(),
  normalize: z.boolean().nullish(),
});
const zValidate = z.object({
  schema_id: zStrOrInt.nullish(),
  subject: z.string().nullish(),
  version: zStrOrInt.nullish(),
  strict: z.boolean().nullish(),
  message_name: z.string().nullish(),
  data: z.unknown(),
});

// --- valibot ------------------------------------------------------------------------------
const vStrOrInt = v.union([v.string(), v.pipe(v.number(), v.integer())]);
const vPosInt = v.pipe(v.number(), v.integer(), v.minValue(1));
const vRegister = v.object({
  subject: v.string(),
  schema: v.unknown(),
  schema_type: v.nullish(v.string()),
  compatibility_level: v.nullish(v.string()),
  metadata: v.unknown(),
  references: v.unknown(),
  version: v.nullish(v.string()),
  created_by: v.nullish(v.string()),
  id: v.nullish(vPosInt),
  version_number: v.nullish(vPosInt),
  normalize: v.nullish(v.boolean()),
});
const vValidate = v.object({
  schema_id: v.nullish(vStrOrInt),
  subject: v.nullish(v.string()),
  version: v.nullish(vStrOrInt),
  strict: v.nullish(v.boolean()),
  message_name: v.nullish(v.string()),
  data: v.unknown(),
});

const cases = [
  ['register, hand-written', () => hand.register(registerBody)],
  ['register, zod v4 safeParse', () => zRegister.safeParse(registerBody).success || fail('x')],
  ['register, valibot safeParse', () => v.safeParse(vRegister, registerBody).success || fail('x')],
  ['validate-data, hand-written', () => hand.validate(validateBody)],
  ['validate-data, zod v4 safeParse', () => zValidate.safeParse(validateBody).success || fail('x')],
  [
    'validate-data, valibot safeParse',
    () => v.safeParse(vValidate, validateBody).success || fail('x'),
  ],
  ['bad register, zod v4 (issue list)', () => zRegister.safeParse({ subject: 3 }).success],
  ['bad register, valibot (issue list)', () => v.safeParse(vRegister, { subject: 3 }).success],
];
const best = new Map(cases.map(([name]) => [name, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of cases) {
    best.set(name, Math.max(best.get(name), opsPerSecondSync(fn, { ms: ROUND_MS })));
  }
}
console.log(`REST body parsing, best of ${ROUNDS} rounds of ${ROUND_MS} ms (ops/s, one body each)`);
for (const [name] of cases) console.log(`${name.padEnd(36)} ${fmt(best.get(name)).padStart(12)}`);
