// The direct google.protobuf.Value walk used by BatchValidate against the reflective
// `toJson(ValueSchema, value)` it replaced, on the benchmark's 10-field document and on a nested
// one. Needs a build: `pnpm --filter @llmsr/connect build`, then `node apps/connect/bench/value-to-json.mjs`.
import { fromJson, toJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { fmt, opsPerSecondSync } from '../../../bench/stats.mjs';
import { valueToJson } from '../dist/value-to-json.js';

const flat = {};
for (let p = 0; p < 10; p++) flat[`p${p}`] = p % 2 ? p : `value ${p}`;
const nested = {
  user: { name: 'a', tags: ['x', 'y', 'z'], address: { city: 'b', zip: 12345 } },
  items: [
    { id: 1, qty: 2 },
    { id: 2, qty: null },
  ],
  ok: true,
};

for (const [name, document] of [
  ['10-field object', flat],
  ['nested object', nested],
]) {
  const value = fromJson(ValueSchema, document);
  const reflective = opsPerSecondSync(() => toJson(ValueSchema, value));
  const direct = opsPerSecondSync(() => valueToJson(value));
  console.log(
    `${name.padEnd(16)} toJson ${fmt(reflective)}/s (baseline), valueToJson ${fmt(direct)}/s (${(direct / reflective).toFixed(1)}x)`,
  );
}
