/**
 * The roles a principal (an API key or a JWT) holds, weakest first: each role may do everything
 * the roles before it may (see {@link ACTION_MIN_ROLE}).
 */
export const AUTH_ROLES = Object.freeze(['reader', 'writer', 'admin'] as const);

/** A principal's role: `reader` reads, validates and checks; `writer` also registers and soft-deletes; `admin` does everything. */
export type AuthRole = (typeof AUTH_ROLES)[number];

/**
 * True when `value` is one of the {@link AUTH_ROLES}, e.g. a role read from a JWT claim.
 *
 * @example
 * ```ts
 * isAuthRole('writer'); // true
 * isAuthRole('Writer'); // false
 * ```
 */
export function isAuthRole(value: unknown): value is AuthRole {
  return typeof value === 'string' && (AUTH_ROLES as readonly string[]).includes(value);
}

/**
 * True when `held` is at least `needed` in the order of {@link AUTH_ROLES}.
 *
 * @example
 * ```ts
 * roleCovers('admin', 'writer'); // true
 * roleCovers('reader', 'writer'); // false
 * ```
 */
export function roleCovers(held: AuthRole, needed: AuthRole): boolean {
  return AUTH_ROLES.indexOf(held) >= AUTH_ROLES.indexOf(needed);
}
