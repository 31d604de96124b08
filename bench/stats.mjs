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
