import { ACTION_MIN_ROLE, AUTH_ACTIONS, type AuthAction } from './auth-action.js';
import { AUTH_ROLES, type AuthRole, roleCovers } from './auth-role.js';

/**
 * The actions each role may perform, derived from {@link ACTION_MIN_ROLE} so the two can never
 * disagree: `reader` every read, validation and compatibility check; `writer` also registration,
 * soft delete and variable spaces; `admin` everything.
 */
export const ROLE_ACTIONS: Readonly<Record<AuthRole, readonly AuthAction[]>> = Object.freeze(
  Object.fromEntries(
    AUTH_ROLES.map((role) => [
      role,
      Object.freeze(AUTH_ACTIONS.filter((action) => roleCovers(role, ACTION_MIN_ROLE[action]))),
    ]),
  ) as Record<AuthRole, readonly AuthAction[]>,
);
