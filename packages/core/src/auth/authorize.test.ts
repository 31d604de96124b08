import {
  ACTION_MIN_ROLE,
  ACTION_SCOPE,
  AUTH_ACTIONS,
  AUTH_ROLES,
  type AuthAction,
  type AuthRole,
  MUTATING_ACTIONS,
  type Principal,
} from '@llmsr/spec';
import { describe, expect, it } from 'vitest';
import { isRegistryError } from '../registry-error.js';
import { authorize, authorizeOrThrow } from './authorize.js';
import { filterSubjects } from './subject-prefixes.js';

const principal = (role: AuthRole, subjects?: string[]): Principal => ({
  id: `key:${role}`,
  kind: 'api-key',
  role,
  subjects,
});

/** The expected decision, written out independently of authorize's own branches. */
function expected(role: AuthRole, action: AuthAction, prefixes: string[], subject?: string) {
  const rank = { reader: 0, writer: 1, admin: 2 } as const;
  if (rank[role] < rank[ACTION_MIN_ROLE[action]]) return 'FORBIDDEN';
  if (prefixes.length === 0 || ACTION_SCOPE[action] === 'unscoped') return 'ok';
  if (ACTION_SCOPE[action] === 'global') return 'FORBIDDEN';
  if (subject === undefined) return MUTATING_ACTIONS.has(action) ? 'FORBIDDEN' : 'ok';
  return prefixes.some((p) => subject.startsWith(p)) ? 'ok' : 'FORBIDDEN';
}

const prefixCases: [string, string[], string | undefined][] = [
  ['no prefix, one subject', [], 'team-b.users'],
  ['no prefix, a listing', [], undefined],
  ['a prefix, a subject inside it', ['team-a.'], 'team-a.orders'],
  ['a prefix, a subject outside it', ['team-a.'], 'team-b.users'],
  ['two prefixes, a subject in the second', ['team-a.', 'team-c.'], 'team-c.x'],
  ['a prefix, a listing', ['team-a.'], undefined],
];

describe('authorize (the RBAC decision table)', () => {
  for (const role of AUTH_ROLES) {
    for (const [label, prefixes, subject] of prefixCases) {
      it.each(AUTH_ACTIONS)(`decides %s for a ${role} with ${label}`, (action) => {
        const decision = authorize(principal(role, prefixes), action, { subject });
        const want = expected(role, action, prefixes, subject);
        expect(decision.allowed ? 'ok' : decision.code).toBe(want);
      });
    }
  }

  it('refuses every action without a principal as unauthenticated', () => {
    for (const action of AUTH_ACTIONS) {
      expect(authorize(undefined, action)).toMatchObject({
        allowed: false,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('keeps permanent delete, config, mode, import, keys and audit for admins', () => {
    const writer = principal('writer');
    for (const action of [
      'subject.delete.permanent',
      'config.write',
      'mode.write',
      'import',
      'keys.manage',
      'audit.read',
    ] as const) {
      expect(authorize(writer, action).allowed).toBe(false);
      expect(authorize(principal('admin'), action).allowed).toBe(true);
    }
    expect(authorize(writer, 'schema.register', { subject: 'x' }).allowed).toBe(true);
    expect(authorize(principal('reader'), 'schema.register', { subject: 'x' }).allowed).toBe(false);
  });

  it('throws a registry error with the code, action and subject when refused', () => {
    let thrown: unknown;
    try {
      authorizeOrThrow(principal('writer', ['team-a.']), 'schema.register', {
        subject: 'team-b.users',
      });
    } catch (error) {
      thrown = error;
    }
    expect(isRegistryError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'schema.register', subject: 'team-b.users' },
    });
    expect(() => authorizeOrThrow(undefined, 'schema.read')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(() => authorizeOrThrow(principal('reader'), 'schema.read')).not.toThrow();
  });
});

describe('filterSubjects', () => {
  it('keeps only the subjects under the principal prefixes, in order', () => {
    const subjects = ['team-a.orders', 'team-b.users', 'team-a', 'team-c.x', 'team-a.z'];
    expect(filterSubjects(principal('reader', ['team-a.', 'team-c.']), subjects)).toEqual([
      'team-a.orders',
      'team-c.x',
      'team-a.z',
    ]);
  });

  it('keeps everything for a principal without prefixes', () => {
    expect(filterSubjects(principal('reader'), ['a', 'b'])).toEqual(['a', 'b']);
    expect(filterSubjects(principal('reader', []), ['a', 'b'])).toEqual(['a', 'b']);
  });
});
