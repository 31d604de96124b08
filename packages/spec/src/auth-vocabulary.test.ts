import { describe, expect, it } from 'vitest';
import {
  ACTION_MIN_ROLE,
  ACTION_SCOPE,
  AUTH_ACTIONS,
  AUTH_ROLES,
  isAuthAction,
  isAuthRole,
  MUTATING_ACTIONS,
  ROLE_ACTIONS,
  roleCovers,
} from './index.js';

describe('the auth vocabulary', () => {
  it('orders the roles reader, writer, admin, each covering the ones before it', () => {
    expect(AUTH_ROLES).toEqual(['reader', 'writer', 'admin']);
    expect(roleCovers('admin', 'reader')).toBe(true);
    expect(roleCovers('writer', 'writer')).toBe(true);
    expect(roleCovers('writer', 'admin')).toBe(false);
    expect(roleCovers('reader', 'writer')).toBe(false);
  });

  it('recognises only its own role and action names', () => {
    expect(AUTH_ROLES.every(isAuthRole)).toBe(true);
    expect(AUTH_ACTIONS.every(isAuthAction)).toBe(true);
    expect(isAuthRole('Admin')).toBe(false);
    expect(isAuthAction('schema.write')).toBe(false);
    expect(isAuthAction(undefined)).toBe(false);
  });

  it('places every action, and nothing else, in the role and scope tables', () => {
    expect(new Set(AUTH_ACTIONS).size).toBe(AUTH_ACTIONS.length);
    expect(Object.keys(ACTION_MIN_ROLE).sort()).toEqual([...AUTH_ACTIONS].sort());
    expect(Object.keys(ACTION_SCOPE).sort()).toEqual([...AUTH_ACTIONS].sort());
    for (const action of MUTATING_ACTIONS) expect(isAuthAction(action)).toBe(true);
  });

  it('lets readers read, validate and check but change nothing', () => {
    expect([...ROLE_ACTIONS.reader].sort()).toEqual(
      [
        'schema.read',
        'config.read',
        'mode.read',
        'validate',
        'compatibility.check',
        'changes.read',
        'variable-space.read',
        'export',
        'metrics.read',
      ].sort(),
    );
    for (const action of ROLE_ACTIONS.reader) expect(MUTATING_ACTIONS.has(action)).toBe(false);
  });

  it('lets writers register and soft-delete but keeps permanent delete, config, mode, import, keys and audit for admins', () => {
    expect(ROLE_ACTIONS.writer).toContain('schema.register');
    expect(ROLE_ACTIONS.writer).toContain('subject.delete.soft');
    const adminOnly = AUTH_ACTIONS.filter((a) => !ROLE_ACTIONS.writer.includes(a));
    expect(adminOnly.sort()).toEqual(
      [
        'subject.delete.permanent',
        'config.write',
        'mode.write',
        'import',
        'keys.manage',
        'audit.read',
      ].sort(),
    );
    expect([...ROLE_ACTIONS.admin].sort()).toEqual([...AUTH_ACTIONS].sort());
  });

  it('cannot be changed at run time', () => {
    for (const value of [AUTH_ROLES, AUTH_ACTIONS, ACTION_MIN_ROLE, ACTION_SCOPE, ROLE_ACTIONS]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
  });
});
