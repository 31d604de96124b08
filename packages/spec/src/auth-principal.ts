import type { AuthRole } from './auth-role.js';

/** How a principal proved who it is. */
export type PrincipalKind = 'api-key' | 'bootstrap-admin' | 'jwt';

/**
 * Who performs a request, as authentication established it. `created_by` and audit records are
 * taken from `id`, never from a request header or body.
 */
export interface Principal {
  /** Stable identity: `key:<id>` for API keys, `admin:bootstrap`, or the JWT's `sub` as `jwt:<sub>`. */
  readonly id: string;
  readonly kind: PrincipalKind;
  readonly role: AuthRole;
  /** Subject prefixes the principal is limited to; undefined or empty: every subject. */
  readonly subjects?: readonly string[] | undefined;
}

/** The result of an authorised or refused attempt, as the audit log records it. */
export const AUDIT_RESULTS = Object.freeze(['ok', 'denied', 'error'] as const);

/** `ok`: done; `denied`: refused by authentication or authorisation; `error`: attempted and failed. */
export type AuditResult = (typeof AUDIT_RESULTS)[number];
