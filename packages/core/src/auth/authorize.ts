import {
  ACTION_MIN_ROLE,
  ACTION_SCOPE,
  type AuthAction,
  MUTATING_ACTIONS,
  type Principal,
  roleCovers,
} from '@llmsr/spec';
import { RegistryError } from '../registry-error.js';
import { hasSubjectLimit, subjectAllowed } from './subject-prefixes.js';

/** What an action is applied to. Without `subject`, a subject-scoped read is a listing. */
export interface AuthResource {
  /** The one subject the request reads or changes, when it names one. */
  subject?: string | undefined;
}

/** The outcome of {@link authorize}; a refusal carries the error code and a reason to log. */
export type AuthDecision =
  | { allowed: true }
  | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string };

/**
 * The one authorisation decision of the registry, used by the REST, Confluent and Connect
 * adapters alike. Allowed when:
 * - a principal is present (else `UNAUTHENTICATED`), and
 * - its role covers the action (`ACTION_MIN_ROLE`), and
 * - for a prefix-limited principal: a `subject` action names a subject under one of its prefixes,
 *   or names none and only reads (a listing, which the app filters with `filterSubjects`);
 *   a `global` action is refused; an `unscoped` action ignores prefixes.
 *
 * @example
 * ```ts
 * authorize(writerOfTeamA, 'schema.register', { subject: 'team-b.users' }); // { allowed: false, code: 'FORBIDDEN', ... }
 * ```
 */
export function authorize(
  principal: Principal | undefined,
  action: AuthAction,
  resource: AuthResource = {},
): AuthDecision {
  if (!principal) {
    return { allowed: false, code: 'UNAUTHENTICATED', reason: 'credentials required' };
  }
  const needed = ACTION_MIN_ROLE[action];
  if (!roleCovers(principal.role, needed)) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `role ${principal.role} may not ${action} (needs ${needed})`,
    };
  }
  if (!hasSubjectLimit(principal)) return { allowed: true };
  switch (ACTION_SCOPE[action]) {
    case 'unscoped':
      return { allowed: true };
    case 'global':
      return {
        allowed: false,
        code: 'FORBIDDEN',
        reason: `${action} acts on every subject; this principal is limited to subject prefixes`,
      };
    case 'subject': {
      const { subject } = resource;
      if (subject === undefined) {
        return MUTATING_ACTIONS.has(action)
          ? {
              allowed: false,
              code: 'FORBIDDEN',
              reason: `${action} without a subject acts globally; this principal is limited to subject prefixes`,
            }
          : { allowed: true };
      }
      return subjectAllowed(principal, subject)
        ? { allowed: true }
        : {
            allowed: false,
            code: 'FORBIDDEN',
            reason: `subject ${subject} is outside this principal's subject prefixes`,
          };
    }
  }
}

/**
 * {@link authorize}, throwing a {@link RegistryError} `UNAUTHENTICATED` or `FORBIDDEN` on refusal
 * (details: `action`, and `subject` when given), so the apps' one error table answers it.
 */
export function authorizeOrThrow(
  principal: Principal | undefined,
  action: AuthAction,
  resource: AuthResource = {},
): asserts principal is Principal {
  const decision = authorize(principal, action, resource);
  if (decision.allowed) return;
  const details: Record<string, unknown> = { action };
  if (resource.subject !== undefined) details.subject = resource.subject;
  throw new RegistryError(
    decision.code,
    decision.code === 'UNAUTHENTICATED'
      ? 'Authentication required'
      : `Forbidden: ${decision.reason}`,
    details,
  );
}
