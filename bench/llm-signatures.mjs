// @llmsr/llm signature benchmark: parse + compile signature text (DSPy form and atom form) to the
// input/output JSON Schemas and prompt fields, the typed builder + compile, and compile alone,
// against JSON.parse of the equivalent compiled result (the cost of loading the same schemas
// from JSON) and ajv compiling the output schema, all in the same run. Target: >= 10,000
// signatures/s for text -> schemas (the design's target was 100/s). The corpus cycles through
// 1,000 signatures per form, so field prefixes come from the package's bounded prefix cache.
// Needs the built packages: `pnpm build` (or `pnpm --filter @llmsr/llm... build`), then
// `node bench/llm-signatures.mjs`.
import { performance } from 'node:perf_hooks';
import {
  addMlTypes,
  compileSignature,
  parseSignatureOrThrow,
  signature,
  t,
} from '../packages/llm/dist/index.js';
import { Ajv2020 } from '../packages/llm/node_modules/ajv/dist/2020.js';
import { fmt, opsPerSecondSync, seededRandom } from './stats.mjs';

const random = seededRandom(14);
const pick = (list) => list[Math.floor(random() * list.length)];
const DSPY_TYPES = [
  'str',
  'int {min: 0, max: 100}',
  'float',
  'bool',
  'list[str]',
  'dict[str, list[int]]',
  'Optional[str]',
  "Literal['yes', 'no', 'maybe']",
  'embedding[768]',
  'confidence_score',
  'reasoning_chain',
  'str {max_length: 500} "a described field"',
];
const ATOM_TYPES = [
  ':string',
  ':integer',
  ':float',
  ':boolean',
  ':list(:string)',
  ':map(:list(:integer))',
  ':optional(:string)',
  ':literal("yes", "no")',
  ':embedding(384)',
  ':probability',
  ':tool_call',
];

// 1,000 distinct signatures per form, 2-4 inputs and 1-3 outputs, names varied per signature.
const fields = (n, prefix, types, atom) =>
  Array.from({ length: n }, (_, i) => {
    const name = `${prefix}_${i}_${Math.floor(random() * 1e6)}`;
    return atom ? `${pick(types)} ${name}` : `${name}: ${pick(types)}`;
  }).join(', ');
const dspy = Array.from({ length: 1000 }, () => {
  const inputs = fields(2 + Math.floor(random() * 3), 'in', DSPY_TYPES, false);
  return `${inputs} -> ${fields(1 + Math.floor(random() * 3), 'out', DSPY_TYPES, false)}`;
});
const atom = Array.from({ length: 1000 }, (_, s) => {
  const inputs = fields(2 + Math.floor(random() * 3), 'in', ATOM_TYPES, true);
  return `signature sig_${s}: ${inputs} -> ${fields(1 + Math.floor(random() * 3), 'out', ATOM_TYPES, true)}`;
});
const parsed = dspy.map((text) => parseSignatureOrThrow(text));
const compiledJson = dspy.map((text) => JSON.stringify(compileSignature(text)));
const outputSchemas = parsed.map((sig) => compileSignature(sig).outputSchema);
const example = 'context: list[str], question: str -> answer: str, confidence: float';
console.log(
  `corpus: 1,000 DSPy-form and 1,000 atom-form signatures, mean ${fmt(dspy.reduce((n, s) => n + s.length, 0) / 1000)} chars; ` +
    `compiled JSON mean ${fmt(compiledJson.reduce((n, s) => n + s.length, 0) / 1000)} chars`,
);

const built = (i) =>
  signature(`s${i}`)
    .input('context', t.list(t.string()), { description: 'passages' })
    .input('question', t.string())
    .output('answer', t.string({ maxLength: 500 }))
    .output('confidence', t.confidenceScore())
    .build();

// The machine is shared, so each figure is the best of 5 interleaved rounds of 300 ms.
const best = (fns) => {
  const results = fns.map(() => 0);
  for (let round = 0; round < 5; round++) {
    fns.forEach((fn, i) => {
      results[i] = Math.max(results[i], opsPerSecondSync(fn, { ms: 300, batch: 1000 }));
    });
  }
  return results;
};
const [dspyRate, atomRate, exampleRate, builderRate, compileRate, jsonRate] = best([
  (i) => compileSignature(dspy[i % 1000]),
  (i) => compileSignature(atom[i % 1000]),
  () => compileSignature(example),
  (i) => compileSignature(built(i)),
  (i) => compileSignature(parsed[i % 1000]),
  (i) => JSON.parse(compiledJson[i % 1000]),
]);
const ajv = addMlTypes(new Ajv2020({ allErrors: true }));
let ajvCount = 0;
const ajvStart = performance.now();
// ajv caches compiled schemas by identity, so each compile gets a fresh copy.
for (; performance.now() - ajvStart < 1000 && ajvCount < 1000; ajvCount++)
  ajv.compile(structuredClone(outputSchemas[ajvCount]));
const ajvRate = (ajvCount / (performance.now() - ajvStart)) * 1000;

console.log(
  `text -> schemas + fields, DSPy form: ${fmt(dspyRate)} signatures/s  [target >= 10,000/s]`,
);
console.log(
  `text -> schemas + fields, atom form: ${fmt(atomRate)} signatures/s  [target >= 10,000/s]`,
);
console.log(`the DSPy example "${example}": ${fmt(exampleRate)}/s`);
console.log(`typed builder + compile (4 fields): ${fmt(builderRate)}/s`);
console.log(`compile only (already parsed): ${fmt(compileRate)}/s`);
console.log(`baseline JSON.parse of the equivalent compiled result: ${fmt(jsonRate)}/s`);
console.log(`reference ajv.compile of the output schema: ${fmt(ajvRate)}/s`);
console.log(
  `ratio parse + compile (DSPy form) / JSON.parse: ${fmt(dspyRate / jsonRate, 2)}x; / ajv.compile: ${fmt(dspyRate / ajvRate, 1)}x`,
);
