// @llmsr/llm benchmark: parseModelOutput on a 2 KB model reply holding a fenced JSON object
// (clean, and damaged so jsonrepair runs), the streaming validator's cost per chunk, and, as the
// baseline measured in the same run, `JSON.parse` + the compiled ajv validator on the bare JSON.
// Also lintForProvider / toProviderSchema on the same schema.
// Needs the built package: `pnpm --filter @llmsr/llm build`, then `node bench/llm-parse.mjs`.
import { performance } from 'node:perf_hooks';
import {
  compileOutputValidator,
  createStreamingValidator,
  lintForProvider,
  parseModelOutput,
  toProviderSchema,
} from '../packages/llm/dist/index.js';
import { fmt, opsPerSecondSync } from './stats.mjs';

const ROUNDS = 3;
const ROUND_MS = 400;

const schema = {
  type: 'object',
  properties: {
    answer: { type: 'string' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    category: { enum: ['billing', 'technical', 'account', 'other'] },
    sentiment: { enum: ['positive', 'neutral', 'negative'] },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: { step: { type: 'integer' }, reasoning: { type: 'string' } },
        required: ['step', 'reasoning'],
        additionalProperties: false,
      },
    },
    citations: { type: 'array', items: { type: 'string', format: 'uri' } },
    follow_up: { type: ['string', 'null'] },
  },
  required: ['answer', 'confidence', 'category', 'steps'],
  additionalProperties: false,
};

const data = {
  answer:
    'Your invoice was charged twice because the payment retry ran before the first charge settled. The duplicate has been refunded and will appear within 5 business days.',
  confidence: 0.87,
  category: 'billing',
  sentiment: 'neutral',
  steps: Array.from({ length: 9 }, (_, i) => ({
    step: i + 1,
    reasoning: `Checked the ledger entry number ${i + 1} against the processor log and compared timestamps and amounts.`,
  })),
  citations: [
    'https://example.com/help/billing/duplicate-charges',
    'https://example.com/help/refunds',
  ],
  follow_up: null,
};
const json = JSON.stringify(data, null, 2);
const reply = `Sure! I looked into the duplicate charge on your March invoice, checked the payment processor logs and the retry queue, and confirmed what happened. I looked into your account and here is the structured answer you asked for.\n\n\`\`\`json\n${json}\n\`\`\`\n\nLet me know if there is anything else I can help with today.`;
const damaged = reply
  .replace('"neutral",', "'neutral',")
  .replace('\n  "follow_up": null\n}', '\n  "follow_up": null,\n}');
const truncated = `Here it is:\n\`\`\`json\n${json.slice(0, json.length - 40)}`;

const validate = compileOutputValidator(schema);
if (!parseModelOutput(reply, schema).valid || !parseModelOutput(damaged, schema).valid)
  throw new Error('bench fixture invalid');

function streamOnce(chunkSize) {
  const stream = createStreamingValidator(schema, { validate });
  for (let i = 0; i < json.length; i += chunkSize) stream.push(json.slice(i, i + chunkSize));
  return stream.end();
}
if (!streamOnce(8).valid) throw new Error('stream fixture invalid');

const cases = {
  'baseline: JSON.parse + ajv (bare JSON)': () => validate(JSON.parse(json)),
  'parseModelOutput, fenced reply': () => parseModelOutput(reply, schema),
  'parseModelOutput, damaged reply (jsonrepair)': () => parseModelOutput(damaged, schema),
  'parseModelOutput, truncated reply (jsonrepair)': () => parseModelOutput(truncated, schema),
  'streaming, 8-char chunks, whole document': () => streamOnce(8),
  'streaming, 64-char chunks, whole document': () => streamOnce(64),
  'lintForProvider(openai)': () => lintForProvider(schema, 'openai'),
  'toProviderSchema(openai)': () => toProviderSchema(schema, 'openai'),
};

const best = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(cases)) {
    best[name] = Math.max(best[name], opsPerSecondSync(fn, { ms: ROUND_MS, batch: 50 }));
  }
}

const baseline = best['baseline: JSON.parse + ajv (bare JSON)'];
console.log(
  `reply ${reply.length} chars, JSON ${json.length} chars; best of ${ROUNDS} rounds x ${ROUND_MS} ms`,
);
for (const [name, ops] of Object.entries(best)) {
  console.log(
    `${name.padEnd(48)} ${fmt(ops).padStart(10)} ops/s  ${fmt(1e6 / ops, 1).padStart(8)} us/op  ${fmt(baseline / ops, 1).padStart(6)}x baseline`,
  );
}
for (const size of [8, 64]) {
  const chunks = Math.ceil(json.length / size);
  const perDoc = 1e6 / best[`streaming, ${size}-char chunks, whole document`];
  console.log(
    `streaming overhead per ${size}-char chunk: ${fmt(perDoc / chunks, 2)} us (${chunks} chunks; the end-of-stream verdict includes one JSON.parse + ajv, ${fmt(1e6 / baseline, 1)} us)`,
  );
}
const start = performance.now();
parseModelOutput(`x${'{"a": 1} '.repeat(100_000)}`, schema);
console.log(
  `hostile: 1 MB of 100,000 candidates parsed in ${fmt(performance.now() - start, 1)} ms (16 examined)`,
);
