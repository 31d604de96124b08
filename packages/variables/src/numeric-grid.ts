/**
 * Decimal-aware arithmetic for stepped and rounded floats, so that `0.1 * 3` normalises to 0.3
 * and a value computed as 0.30000000000000004 still counts as on the 0.1 grid.
 */

const DECIMALS = new Map<number, number>();

/** Number of decimal digits in the shortest representation of `x` (`1e-7` -> 7, `0.25` -> 2). */
export function decimals(x: number): number {
  const known = DECIMALS.get(x);
  if (known !== undefined) return known;
  const text = String(Math.abs(x));
  const [mantissa = '', exponent] = text.split('e');
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  const shift = exponent === undefined ? 0 : Number(exponent);
  const digits = Math.max(0, Math.min(100, fraction - shift));
  // Steps and precisions repeat, so a small cache saves the string work on the sampling path.
  if (DECIMALS.size >= 10_000) DECIMALS.clear();
  DECIMALS.set(x, digits);
  return digits;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SAFE = 2 ** 52;

/**
 * Rounds to `digits` decimal places (0..100). The result is the double nearest to a decimal with
 * that many places, and rounding it again changes nothing. The common case is one multiply and
 * one divide (both exact powers of ten), which keeps validation fast.
 */
export function roundDecimals(x: number, digits: number): number {
  const d = Math.min(100, Math.max(0, digits));
  const scale = POW10[d];
  if (scale !== undefined) {
    const scaled = x * scale;
    if (Math.abs(scaled) < SAFE) {
      const value = Math.round(scaled) / scale;
      return value === 0 ? 0 : value;
    }
  }
  const value = Number(x.toFixed(d));
  return value === 0 ? 0 : value;
}

/** Relative tolerance for deciding that a value lies on a grid. */
const GRID_TOLERANCE = 1e-9;

/** Index of `value` on the grid `min + k * step`, or `undefined` when it is off the grid. */
export function gridIndex(value: number, min: number, step: number): number | undefined {
  const k = (value - min) / step;
  const nearest = Math.round(k);
  return Math.abs(k - nearest) <= GRID_TOLERANCE * Math.max(1, Math.abs(nearest))
    ? nearest
    : undefined;
}

/** The k-th grid value, rounded to the decimals of `min` and `step` (pass `digits` when known). */
export function gridValue(
  k: number,
  min: number,
  step: number,
  digits = Math.max(decimals(min), decimals(step)),
): number {
  return roundDecimals(min + k * step, digits);
}

/** Number of grid points in `[min, max]`. */
export function gridCount(min: number, max: number, step: number): number {
  return Math.floor((max - min) / step + GRID_TOLERANCE) + 1;
}

/** Rounds to the nearest multiple of `precision`, then clamps into `[min, max]` (pass `digits` when known). */
export function roundToPrecision(
  value: number,
  precision: number,
  min: number,
  max: number,
  digits = decimals(precision),
): number {
  const rounded = roundDecimals(Math.round(value / precision) * precision, digits);
  return Math.min(max, Math.max(min, rounded));
}
