/**
 * The registry modes (Confluent's names): `READWRITE` (the default), `READONLY`,
 * `READONLY_OVERRIDE` and `IMPORT`, which lets a client choose ids and versions.
 */
export const REGISTRY_MODES = Object.freeze([
  'READWRITE',
  'READONLY',
  'READONLY_OVERRIDE',
  'IMPORT',
] as const);

/** A registry mode, for one subject or the whole registry. */
export type RegistryMode = (typeof REGISTRY_MODES)[number];

/** The mode in force when none is configured. */
export const DEFAULT_REGISTRY_MODE: RegistryMode = 'READWRITE';

/**
 * True when `value` is one of the {@link REGISTRY_MODES} names (exact, upper-case).
 *
 * @example
 * ```ts
 * isRegistryMode('IMPORT'); // true
 * isRegistryMode('import'); // false
 * ```
 */
export function isRegistryMode(value: unknown): value is RegistryMode {
  return typeof value === 'string' && (REGISTRY_MODES as readonly string[]).includes(value);
}
