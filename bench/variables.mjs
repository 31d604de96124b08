// @llmsr/variables benchmark: validateConfiguration on a 20-variable space with 5 constraints,
// against ajv validating the same configurations with the space's exported JSON Schema, and the
// time to sample 10,000 configurations.
// Needs the built package: `pnpm --filter @llmsr/variables build` (or `pnpm build`), then
// `node bench/variables.mjs`.
import { performance } from 'node:perf_hooks';
import {
  compileSpace,
  exportJsonSchema,
  parseSpace,
  sample,
  validateConfiguration,
} from '../packages/variables/dist/index.js';
import { Ajv } from '../packages/variables/node_modules/ajv/dist/ajv.js';
import { fmt, opsPerSecondSync } from './stats.mjs';

const space = parseSpace({
  id: 'bench',
  name: 'Benchmark space',
  variables: [
    {
      name: 'provider',
      kind: 'choice',
      values: ['openai', 'anthropic', 'google', 'groq', 'mistral'],
    },
    {
      name: 'model',
      kind: 'choice',
      values: ['gpt-4o', 'gpt-4o-mini', 'claude', 'gemini', 'llama', 'mixtral', 'mistral-large'],
    },
    { name: 'adapter', kind: 'module', implementations: ['chat', 'json', 'xml'] },
    { name: 'reasoning', kind: 'choice', values: ['direct', 'chain_of_thought', 'react'] },
    {
      name: 'temperature',
      kind: 'conditional',
      cases: [
        {
          when: "provider == 'anthropic'",
          domain: { kind: 'float', min: 0, max: 1, default: 0.7 },
        },
      ],
      fallback: { kind: 'float', min: 0, max: 2, default: 0.7 },
    },
    { name: 'top_p', kind: 'float', min: 0, max: 1, step: 0.05, default: 1 },
    { name: 'max_tokens', kind: 'integer', min: 16, max: 8192, log: true, default: 1024 },
    { name: 'demos', kind: 'integer', min: 0, max: 16, default: 4 },
    { name: 'instruction', kind: 'choice', values: [0, 1, 2, 3, 4, 5] },
    { name: 'retries', kind: 'integer', min: 0, max: 5, default: 2 },
    { name: 'timeout_s', kind: 'float', min: 1, max: 120, step: 0.5, default: 30 },
    { name: 'stream', kind: 'choice', values: [true, false] },
    { name: 'cache', kind: 'choice', values: [true, false] },
    { name: 'frequency_penalty', kind: 'float', min: -2, max: 2, default: 0 },
    { name: 'presence_penalty', kind: 'float', min: -2, max: 2, default: 0 },
    {
      name: 'retrieval',
      kind: 'composite',
      variables: [
        { name: 'k', kind: 'integer', min: 1, max: 50, default: 5 },
        { name: 'chunk', kind: 'integer', min: 128, max: 2048, step: 128, default: 512 },
        { name: 'rerank', kind: 'choice', values: ['none', 'cross_encoder', 'llm'] },
        { name: 'min_score', kind: 'float', min: 0, max: 1, default: 0.2 },
      ],
    },
    { name: 'seed', kind: 'integer', min: 0, max: 1000, default: 0 },
  ],
  constraints: [
    { name: 'groq-models', rule: "provider == 'groq' => model in ['llama', 'mixtral']" },
    { name: 'anthropic-models', rule: "provider == 'anthropic' => model in ['claude']" },
    { name: 'cot-cool', rule: "temperature <= 1.0 when reasoning == 'chain_of_thought'" },
    { name: 'react-demos', rule: "reasoning == 'react' => demos >= 2" },
    { name: 'llm-rerank-k', rule: "retrieval.rerank == 'llm' => retrieval.k <= 20" },
  ],
});

const leaves = (variables) =>
  variables.reduce((n, v) => n + (v.kind === 'composite' ? leaves(v.variables) : 1), 0);
console.log(`space: ${leaves(space.variables)} variables, ${space.constraints.length} constraints`);

// Sampling 10,000 configurations (the configurations are reused below).
let started = performance.now();
const configs = sample(space, { count: 10_000, seed: 42 });
const randomMs = performance.now() - started;
started = performance.now();
sample(space, { count: 10_000, seed: 42, method: 'lhs' });
const lhsMs = performance.now() - started;
console.log(
  `sample 10,000 configurations: random ${fmt(randomMs, 1)} ms, latin hypercube ${fmt(lhsMs, 1)} ms`,
);

// Validation of full configurations, cycling through the samples so the data varies.
const validator = compileSpace(space);
const { schema, ajvOptions, unexpressed } = exportJsonSchema(space);
const ajvValidate = new Ajv({ ...ajvOptions, allErrors: true }).compile(schema);
for (const config of configs) {
  if (!validator.validate(config).valid || !ajvValidate(config))
    throw new Error('sampled configuration rejected');
}
const mask = configs.length;
// The machine is shared, so each figure is the best of 5 interleaved rounds of 300 ms.
const best = (fns) => {
  const results = fns.map(() => 0);
  for (let round = 0; round < 5; round++) {
    fns.forEach((fn, i) => {
      results[i] = Math.max(results[i], opsPerSecondSync(fn, { ms: 300 }));
    });
  }
  return results;
};
const [ours, viaFunction, theirs] = best([
  (i) => validator.validate(configs[i % mask]),
  (i) => validateConfiguration(space, configs[i % mask]),
  (i) => ajvValidate(configs[i % mask]),
]);
console.log(`validateConfiguration (compiled): ${fmt(ours)}/s  [target >= 200,000/s]`);
console.log(`validateConfiguration (space, cached compile): ${fmt(viaFunction)}/s`);
console.log(`ajv on the exported JSON Schema (allErrors, multipleOfPrecision): ${fmt(theirs)}/s`);
console.log(
  `ratio validateConfiguration / ajv: ${fmt(ours / theirs, 2)}x  (ours also fills defaults, normalises and returns a new object; unexpressed rules: ${unexpressed.length})`,
);

// Invalid configurations: every error reported.
const invalid = configs
  .slice(0, 1000)
  .map((c) => ({ ...c, temperature: 5, provider: 'azure', extra: 1 }));
const [oursInvalid, theirsInvalid] = best([
  (i) => validator.validate(invalid[i % 1000]),
  (i) => ajvValidate(invalid[i % 1000]),
]);
console.log(
  `invalid configurations: validateConfiguration ${fmt(oursInvalid)}/s, ajv ${fmt(theirsInvalid)}/s`,
);
