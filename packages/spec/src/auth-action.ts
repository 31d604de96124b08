import type { AuthRole } from './auth-role.js';

/**
 * The closed list of operations the REST, Confluent and Connect APIs perform, as the
 * authorisation decision names them. Every route and RPC declares exactly one; adding an action
 * fails to compile until {@link ACTION_MIN_ROLE} and {@link ACTION_SCOPE} place it.
 */
export const AUTH_ACTIONS = Object.freeze([
  /** Read schemas, subjects, versions, references, search, schema types and contexts. */
  'schema.read',
  /** Register a schema version (single or batch). */
  'schema.register',
  /** Soft-delete a version or a whole subject. */
  'subject.delete.soft',
  /** Permanently delete a soft-deleted version or subject. */
  'subject.delete.permanent',
  /** Read a global or subject config (and its effective values). */
  'config.read',
  /** Set or delete a global or subject config. */
  'config.write',
  /** Read the global or a subject mode. */
  'mode.read',
  /** Set or delete the global or a subject mode (READWRITE, READONLY, IMPORT). */
  'mode.write',
  /** Validate data or a schema against the registry's schemas. */
  'validate',
  /** Check a candidate schema against a subject's history. */
  'compatibility.check',
  /** Follow the change-event stream. */
  'changes.read',
  /** Read variable spaces (and their JSON Schema, samples). */
  'variable-space.read',
  /** Create, update or delete variable spaces. */
  'variable-space.write',
  /** Download the whole registry. */
  'export',
  /** Load an export, keeping its ids and versions. */
  'import',
  /** Create, list and revoke API keys. */
  'keys.manage',
  /** Read the audit log. */
  'audit.read',
  /** Scrape `/metrics` (when `METRICS_PUBLIC=off`; otherwise the route is public). */
  'metrics.read',
] as const);

/** One operation of the registry's APIs, as {@link AUTH_ACTIONS} lists it. */
export type AuthAction = (typeof AUTH_ACTIONS)[number];

/**
 * True when `value` is one of the {@link AUTH_ACTIONS}.
 *
 * @example
 * ```ts
 * isAuthAction('schema.register'); // true
 * isAuthAction('schema.write'); // false
 * ```
 */
export function isAuthAction(value: unknown): value is AuthAction {
  return typeof value === 'string' && (AUTH_ACTIONS as readonly string[]).includes(value);
}

/**
 * The weakest role that may perform each action (roles are ordered, see `AUTH_ROLES`).
 * Exhaustive: a new action fails to compile until it is placed here.
 */
export const ACTION_MIN_ROLE: Readonly<Record<AuthAction, AuthRole>> = Object.freeze({
  'schema.read': 'reader',
  'schema.register': 'writer',
  'subject.delete.soft': 'writer',
  'subject.delete.permanent': 'admin',
  'config.read': 'reader',
  'config.write': 'admin',
  'mode.read': 'reader',
  'mode.write': 'admin',
  validate: 'reader',
  'compatibility.check': 'reader',
  'changes.read': 'reader',
  'variable-space.read': 'reader',
  'variable-space.write': 'writer',
  // A bulk read of every subject: readers may, but not through subject prefixes (see ACTION_SCOPE).
  export: 'reader',
  import: 'admin',
  'keys.manage': 'admin',
  'audit.read': 'admin',
  'metrics.read': 'reader',
});

/**
 * How an action relates to subject prefixes (a principal limited to `["team-a."]`):
 * - `subject`: acts on one subject (prefix checked) or, without one, lists subjects (reads:
 *   allowed, the listing is filtered; mutations without a subject act globally and are refused);
 * - `global`: acts on the whole registry, refused to a prefix-limited principal;
 * - `unscoped`: touches no subject (variable spaces), prefixes do not apply.
 */
export type ActionScope = 'subject' | 'global' | 'unscoped';

/** The {@link ActionScope} of every action. Exhaustive, like {@link ACTION_MIN_ROLE}. */
export const ACTION_SCOPE: Readonly<Record<AuthAction, ActionScope>> = Object.freeze({
  'schema.read': 'subject',
  'schema.register': 'subject',
  'subject.delete.soft': 'subject',
  'subject.delete.permanent': 'subject',
  'config.read': 'subject',
  'config.write': 'subject',
  'mode.read': 'subject',
  'mode.write': 'subject',
  validate: 'subject',
  'compatibility.check': 'subject',
  'changes.read': 'subject',
  'variable-space.read': 'unscoped',
  'variable-space.write': 'global',
  export: 'global',
  import: 'global',
  'keys.manage': 'global',
  'audit.read': 'global',
  'metrics.read': 'unscoped',
});

/** The actions that change state (recorded in the audit log), the others only read. */
export const MUTATING_ACTIONS: ReadonlySet<AuthAction> = new Set<AuthAction>([
  'schema.register',
  'subject.delete.soft',
  'subject.delete.permanent',
  'config.write',
  'mode.write',
  'variable-space.write',
  'import',
  'keys.manage',
]);
