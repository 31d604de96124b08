/** A UTF-16 surrogate without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any of the strings holds text a SQL backend cannot store exactly: PostgreSQL `text`
 * cannot hold U+0000, and both drivers turn lone surrogates into U+FFFD. Such names are refused
 * on write and find nothing on read, on every backend alike.
 */
export function hasUnstorableText(...values: (string | null | undefined)[]): boolean {
  return values.some(
    (value) =>
      typeof value === 'string' && (value.includes('\u0000') || LONE_SURROGATE.test(value)),
  );
}

/** Throws a `RangeError` naming `field` when `value` is not storable text. */
export function assertStorableText(field: string, value: string | null | undefined): void {
  if (hasUnstorableText(value)) {
    throw new RangeError(
      `The ${field} must not contain the NUL character (U+0000) or unpaired UTF-16 surrogates`,
    );
  }
}
