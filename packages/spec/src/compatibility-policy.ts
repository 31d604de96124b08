/**
 * How strictly JSON Schema content models are judged (Confluent's `compatibilityPolicy` config
 * setting): `STRICT` (the default) or `LENIENT`, which accepts some open/closed content-model changes.
 */
export const COMPATIBILITY_POLICIES = Object.freeze(['STRICT', 'LENIENT'] as const);

/** A compatibility policy name. */
export type CompatibilityPolicy = (typeof COMPATIBILITY_POLICIES)[number];

/**
 * True when `value` is one of the {@link COMPATIBILITY_POLICIES} names (exact, upper-case).
 *
 * @example
 * ```ts
 * isCompatibilityPolicy('LENIENT'); // true
 * isCompatibilityPolicy('lenient'); // false
 * ```
 */
export function isCompatibilityPolicy(value: unknown): value is CompatibilityPolicy {
  return typeof value === 'string' && (COMPATIBILITY_POLICIES as readonly string[]).includes(value);
}
