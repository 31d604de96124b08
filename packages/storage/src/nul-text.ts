/**
 * Whether any of the strings contains U+0000. PostgreSQL `text` cannot hold it, so names with
 * it are refused on write and find nothing on read, on every backend alike.
 */
export function hasNul(...values: (string | null | undefined)[]): boolean {
  return values.some((value) => typeof value === 'string' && value.includes('\u0000'));
}

/** Throws a `RangeError` naming `field` when `value` contains U+0000. */
export function assertNoNul(field: string, value: string | null | undefined): void {
  if (hasNul(value))
    throw new RangeError(`The ${field} must not contain the NUL character (U+0000)`);
}
