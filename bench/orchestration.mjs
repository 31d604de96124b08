// @llmsr/orchestration benchmark: runner overhead per stage with no-op handlers and the
// in-memory run store (every transition checkpointed), against calling the same handlers
// directly in the same process; 1,000,000 small items streamed through 3 stages against a
// plain async-generator chain; validation of a 10,000-stage definition.
// Needs the built package: `pnpm --filter @llmsr/orchestration build` (or `pnpm build`), then
// `node bench/orchestration.mjs`.
import { performance } from 'node:perf_hooks';
import {
  createHandlerRegistry,
  createInMemoryRunStore,
  createRunner,
  validatePipeline,
} from '../packages/orchestration/dist/index.js';
import { fmt } from './stats.mjs';

const noop = (input) => input;
const handlers = createHandlerRegistry({ noop, inc: (x) => x + 1 });
const ctx = {
  signal: new AbortController().signal,
  config: {},
  runId: 'r',
  stageId: 's',
  attempt: 1,
};

const chain = (n, extra = {}) => ({
  id: 'bench',
  stages: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, handler: 'noop' })),
  connections: Array.from({ length: n - 1 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}` })),
  ...extra,
});

/** Best (lowest) of `rounds` timings of an async function, in ms; the machine is shared. */
async function best(fn, rounds = 7) {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

// 1. Overhead per stage: a 1,000-stage chain, sequential; and 1,000 independent stages, parallel.
const STAGES = 1_000;
const runner = createRunner({ handlers, store: createInMemoryRunStore() });
const sequential = runner.prepare(chain(STAGES));
const parallel = runner.prepare({
  id: 'bench-parallel',
  strategy: 'parallel',
  concurrency: 16,
  stages: Array.from({ length: STAGES }, (_, i) => ({ id: `p${i}`, handler: 'noop' })),
});
for (let i = 0; i < 20; i++) await runner.run(sequential, 0); // warm-up
const direct = await best(async () => {
  let value = 0;
  for (let i = 0; i < STAGES; i++) value = await noop(value, ctx);
  return value;
});
const viaRunner = await best(() => runner.run(sequential, 0));
const viaParallel = await best(() => runner.run(parallel, 0));
const perStage = ((viaRunner - direct) * 1000) / STAGES;
console.log(`direct handler calls: ${fmt((direct * 1000) / STAGES, 2)} µs/stage`);
console.log(
  `runner, sequential, in-memory store: ${fmt((viaRunner * 1000) / STAGES, 2)} µs/stage, overhead ${fmt(perStage, 2)} µs/stage  [target < 20 µs]`,
);
console.log(`runner, parallel (concurrency 16): ${fmt((viaParallel * 1000) / STAGES, 2)} µs/stage`);

// 2. Streaming 1,000,000 items through 3 stages.
const ITEMS = 1_000_000;
const streaming = runner.prepare({
  id: 'bench-stream',
  strategy: 'streaming',
  stages: [
    { id: 'a', handler: 'inc' },
    { id: 'b', handler: 'inc' },
    { id: 'c', handler: 'inc' },
  ],
  connections: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
  ],
});
function* source() {
  for (let i = 0; i < ITEMS; i++) yield i;
}
async function* plainStage(fn, input) {
  for await (const item of input) yield await fn(item, ctx);
}
const inc = (x) => x + 1;
let check = 0;
const plain = await best(async () => {
  check = 0;
  for await (const v of plainStage(inc, plainStage(inc, plainStage(inc, source())))) check += v;
}, 3);
const expected = check;
const streamed = await best(async () => {
  check = 0;
  for await (const v of runner.stream(streaming, source())) check += v;
}, 3);
if (check !== expected) throw new Error(`streaming produced ${check}, expected ${expected}`);
console.log(
  `plain async-generator chain, 1,000,000 items x 3 stages: ${fmt(plain)} ms (${fmt(ITEMS / (plain / 1000))} items/s)`,
);
console.log(
  `runner.stream, 1,000,000 items x 3 stages: ${fmt(streamed)} ms (${fmt(ITEMS / (streamed / 1000))} items/s, ${fmt(streamed / plain, 2)}x plain)`,
);

// 3. Validating a 10,000-stage chain definition.
const big = chain(10_000);
validatePipeline(big);
const validation = await best(() => validatePipeline(big), 5);
console.log(`validatePipeline, 10,000-stage chain: ${fmt(validation, 1)} ms`);
