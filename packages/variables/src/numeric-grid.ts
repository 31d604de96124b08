/**
 * Decimal-aware arithmetic for stepped and rounded floats, so that `0.1 * 3` normalises to 0.3
 * and a value computed as 0.30000000000000004 still counts as on the 0.1 grid.
 */

/** Number of decimal digits in the shortest representation of `x` (`1e-7` -> 7, `0.25` -> 2). */
export function decimals(x: number): number {
  const text = String(Math.abs(x));
  const [mantissa = '', exponent] = text.split('e');
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  const shift = exponent === undefined ? 0 : Number(exponent);
  return Math.max(0, Math.min(100, fraction - shift));
}

/** Rounds to `digits` decimal places (0..100) in decimal, not binary. */
export function roundDecimals(x: number, digits: number): number {
  const value = Number(x.toFixed(Math.min(100, Math.max(0, digits))));
  return Object.is(value, -0) ? 0 : value;
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

/** The k-th grid value, rounded to the decimals of `min` and `step`. */
export function gridValue(k: number, min: number, step: number): number {
  return roundDecimals(min + k * step, Math.max(decimals(min), decimals(step)));
}

/** Number of grid points in `[min, max]`. */
export function gridCount(min: number, max: number, step: number): number {
  return Math.floor((max - min) / step + GRID_TOLERANCE) + 1;
}

/** Rounds to the nearest multiple of `precision`, then clamps into `[min, max]`. */
export function roundToPrecision(
  value: number,
  precision: number,
  min: number,
  max: number,
): number {
  const rounded = roundDecimals(Math.round(value / precision) * precision, decimals(precision));
  return Math.min(max, Math.max(min, rounded));
}
