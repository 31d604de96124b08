// Small helpers shared by the benchmark scripts: timing loops and percentiles.
import { performance } from 'node:perf_hooks';

/** Percentile (0..100) of a sorted array of numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Run `fn` repeatedly for about `ms` milliseconds (after a warm-up); returns operations per second. */
export async function opsPerSecond(fn, { ms = 1000, batch = 1000 } = {}) {
  for (let i = 0; i < batch; i++) await fn(i);
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) await fn(i);
    ops += batch;
    now = performance.now();
  }
  return (ops / (now - start)) * 1000;
}

/** Same as {@link opsPerSecond} for a synchronous function (no await in the loop). */
export function opsPerSecondSync(fn, { ms = 1000, batch = 10_000 } = {}) {
  for (let i = 0; i < batch; i++) fn(i);
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) fn(i);
    ops += batch;
    now = performance.now();
  }
  return (ops / (now - start)) * 1000;
}

/** Format a number with thousands separators. */
export const fmt = (value, digits = 0) =>
  Number(value).toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

/** A seeded pseudo-random generator (mulberry32): returns a function yielding floats in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Zipf-like sampler over ranks 0..n-1 (rank k drawn with probability proportional to
 * 1 / (k + 1)^s), driven by `random`; `probabilities` are the exact per-rank probabilities.
 */
export function zipfSampler(n, { s = 1, random = Math.random } = {}) {
  const probabilities = [];
  let total = 0;
  for (let k = 0; k < n; k++) {
    const weight = 1 / (k + 1) ** s;
    probabilities.push(weight);
    total += weight;
  }
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    probabilities[k] /= total;
    sum += probabilities[k];
    cumulative[k] = sum;
  }
  const next = () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { next, probabilities };
}

/**
 * Times `count` calls of `fn(i)` after `warmup` untimed ones (`i` runs on across both, so each
 * call can use fresh input); returns the latencies in milliseconds, sorted.
 */
export function sampleLatencies(fn, { count, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    fn(warmup + i);
    samples[i] = performance.now() - start;
  }
  return Array.from(samples).sort((a, b) => a - b);
}

/**
 * Like {@link sampleLatencies}, also recording the process CPU time (user + system, all threads)
 * of each call: on a shared machine wall time includes waiting for a core, CPU time mostly not.
 * Returns both, in milliseconds, sorted.
 */
export function sampleWallAndCpu(fn, { count, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) fn(i);
  const wall = new Float64Array(count);
  const cpu = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(warmup + i);
    wall[i] = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    cpu[i] = (used.user + used.system) / 1000;
  }
  const sorted = (values) => Array.from(values).sort((a, b) => a - b);
  return { wall: sorted(wall), cpu: sorted(cpu) };
}
