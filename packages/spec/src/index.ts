/**
 * `@llmsr/spec`: the one definition of llmsr's domain vocabulary (schema types, compatibility
 * levels and policies, registry modes, JSON Schema drafts, the closed error-code list and its
 * REST, Connect and Confluent tables), imported by every other package instead of declaring its
 * own. Plain constants and types: no runtime dependency, and it imports no other llmsr package.
 *
 * @packageDocumentation
 */

export {
  ACTION_MIN_ROLE,
  ACTION_SCOPE,
  type ActionScope,
  AUTH_ACTIONS,
  type AuthAction,
  isAuthAction,
  MUTATING_ACTIONS,
} from './auth-action.js';
export {
  AUDIT_RESULTS,
  type AuditResult,
  type Principal,
  type PrincipalKind,
} from './auth-principal.js';
export { AUTH_ROLES, type AuthRole, isAuthRole, roleCovers } from './auth-role.js';
export { ROLE_ACTIONS } from './auth-role-actions.js';
export {
  COMPATIBILITY_LEVELS,
  type CompatibilityLevel,
  DEFAULT_COMPATIBILITY_LEVEL,
  isCompatibilityLevel,
} from './compatibility-level.js';
export {
  COMPATIBILITY_POLICIES,
  type CompatibilityPolicy,
  isCompatibilityPolicy,
} from './compatibility-policy.js';
export { ERROR_CODES, type ErrorCode, isErrorCode } from './error-code.js';
export {
  type ConfluentErrorCodeRule,
  confluentErrorCodeOf,
  confluentHttpStatus,
  ERROR_CONFLUENT_CODES,
} from './error-confluent-code.js';
export {
  CONNECT_CODE_NAMES,
  type ConnectCodeName,
  ERROR_CONNECT_CODES,
} from './error-connect-code.js';
export { ERROR_REST_STATUS, type ErrorHttpStatus } from './error-rest-status.js';
export {
  isJsonSchemaDraft,
  JSON_SCHEMA_DRAFTS,
  type JsonSchemaDraft,
} from './json-schema-draft.js';
export {
  DEFAULT_REGISTRY_MODE,
  isRegistryMode,
  REGISTRY_MODES,
  type RegistryMode,
} from './registry-mode.js';
export { isSchemaType, SCHEMA_TYPES, type SchemaType } from './schema-type.js';
