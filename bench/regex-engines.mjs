// Regex engines for schema patterns: V8's backtracking RegExp (what ajv used before) against the
// two RE2 (linear-time) engines ajv's `code.regExp` can take: the `re2` native binding and the
// pure-JavaScript `re2js` port. For each engine: compile cost and match cost on typical schema
// patterns, then match cost on ReDoS patterns with 10,000-character hostile input. V8 is only
// run on hostile input of growing length in a child process with a time limit (it backtracks
// exponentially: the figures show the doubling and extrapolate to 36 characters).
// `re2js` comes with @llmsr/validation. `re2` is not a dependency (see the commit that chose
// re2js); to include it, install it somewhere and pass its directory:
//   node bench/regex-engines.mjs --re2=/tmp/re2bench/node_modules/re2
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fmt } from './stats.mjs';

const fromValidation = createRequire(
  new URL('../packages/validation/package.json', import.meta.url),
);
const { RE2JS } = await import(fromValidation.resolve('re2js'));

function loadRe2() {
  try {
    const require = createRequire(import.meta.url);
    const given = process.argv.find((arg) => arg.startsWith('--re2='));
    return require(given ? given.slice('--re2='.length) : 're2');
  } catch {
    return undefined;
  }
}
const RE2 = loadRe2();

const engines = {
  'V8 RegExp': (source) => new RegExp(source, 'u'),
  re2js: (source) => RE2JS.compile(source),
  ...(RE2 ? { 're2 (native)': (source) => new RE2(source, 'u') } : {}),
};

const TYPICAL = [
  ['email', '^[a-z0-9._-]+@[a-z]+\\.[a-z]{2,}$', 'jane.doe-42@example.com'],
  ['semver', '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?$', '1.24.3-rc.1'],
  [
    'uuid',
    '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    '3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f',
  ],
  ['sku', '^[A-Z]{3}-\\d{4,6}$', 'ABC-12345'],
  ['unicode word', '^\\p{L}+$', 'Grüße'],
];

const HOSTILE = [
  ['^(a+)+$', `${'a'.repeat(9999)}!`],
  ['(a|aa)+$', `${'a'.repeat(9999)}!`],
  ['(a|a?)+$', `${'a'.repeat(9999)}!`],
  ['^(\\w+\\s?)*$', `${'a'.repeat(9999)}!`],
  ['(.*a){12}', 'a'.repeat(10_000)],
  [
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    `${'a'.repeat(9999)}!`,
  ],
];

/** Median microseconds of `fn` over `runs` runs (after a warm-up). */
function medianMicros(fn, runs = 200) {
  for (let i = 0; i < Math.min(runs, 20); i++) fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

console.log(
  `engines: ${Object.keys(engines).join(', ')}${RE2 ? '' : ' (re2 not installed: pass --re2=DIR)'}`,
);
console.log('\ntypical patterns: compile µs / match µs (median)');
for (const [name, source, input] of TYPICAL) {
  const row = [];
  for (const [engine, compile] of Object.entries(engines)) {
    // A fresh source each run defeats any compile cache inside an engine.
    const compileUs = medianMicros((i) => compile(`${source}|x{${i % 50},}y`), 100);
    const compiled = compile(source);
    if (!compiled.test(input)) throw new Error(`${engine} does not match ${name}`);
    const matchUs = medianMicros(() => compiled.test(input), 5000);
    row.push(`${engine} ${fmt(compileUs, 1)} / ${fmt(matchUs, 2)}`);
  }
  console.log(`  ${name.padEnd(13)} ${row.join('   ')}`);
}

console.log('\nhostile input (10,000 characters): match ms (median of 21)');
for (const [source, input] of HOSTILE) {
  const row = [];
  for (const [engine, compile] of Object.entries(engines)) {
    if (engine === 'V8 RegExp') continue;
    const compiled = compile(source);
    row.push(`${engine} ${fmt(medianMicros(() => compiled.test(input), 21) / 1000, 2)}`);
  }
  console.log(`  ${source.slice(0, 40).padEnd(41)} ${row.join('   ')}`);
}

console.log('\nV8 RegExp on ^(a+)+$ with n × "a" then "!" (child process, 20 s limit per n)');
const lengths = [20, 22, 24, 26];
const timings = [];
for (const n of lengths) {
  const code = `const r=/^(a+)+$/u;const s='a'.repeat(${n})+'!';const t=performance.now();r.test(s);console.log(performance.now()-t)`;
  const result = spawnSync(process.execPath, ['-e', code], { timeout: 20_000, encoding: 'utf8' });
  const ms = result.status === 0 ? Number(result.stdout.trim()) : Number.NaN;
  timings.push(ms);
  console.log(`  n=${n}: ${Number.isNaN(ms) ? 'timed out' : `${fmt(ms, 1)} ms`}`);
}
const last = timings.findLastIndex((ms) => !Number.isNaN(ms) && ms > 0);
if (last > 0 && timings[last - 1] > 0) {
  const perChar = (timings[last] / timings[last - 1]) ** (1 / (lengths[last] - lengths[last - 1]));
  const at36 = timings[last] * perChar ** (36 - lengths[last]);
  console.log(
    `  ×${fmt(perChar, 2)} per character: n=36 extrapolates to ${fmt(at36 / 60_000, 1)} minutes`,
  );
}
