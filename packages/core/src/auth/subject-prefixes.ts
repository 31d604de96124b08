import type { Principal } from '@llmsr/spec';

/**
 * True when the principal may see `subject`: it has no prefix limit, or the subject starts with
 * one of its prefixes (a plain string prefix, case-sensitive, as subjects are).
 *
 * @example
 * ```ts
 * subjectAllowed({ id: 'key:1', kind: 'api-key', role: 'reader', subjects: ['team-a.'] }, 'team-a.orders'); // true
 * ```
 */
export function subjectAllowed(principal: Principal, subject: string): boolean {
  const prefixes = principal.subjects;
  if (!prefixes || prefixes.length === 0) return true;
  return prefixes.some((prefix) => subject.startsWith(prefix));
}

/**
 * The subjects of a listing the principal may see, in their original order. Apps filter every
 * listing (subjects, versions by schema id, search results, change events) through it.
 *
 * @example
 * ```ts
 * filterSubjects(teamA, ['team-a.orders', 'team-b.users']); // ['team-a.orders']
 * ```
 */
export function filterSubjects<T extends string>(
  principal: Principal,
  subjects: readonly T[],
): T[] {
  return subjects.filter((subject) => subjectAllowed(principal, subject));
}

/** True when the principal is limited to some subject prefixes. */
export function hasSubjectLimit(principal: Principal): boolean {
  return (principal.subjects?.length ?? 0) > 0;
}
