/**
 * @llmsr/core: the registry service. Apps call it and nothing else.
 * @module
 */

export type { CompatibilityReport, CompatibilityViolation } from '@llmsr/compatibility';
export type {
  CompatibilityLevel,
  ConfigRecord,
  RegistryMode,
  SchemaReference,
  SchemaType,
} from '@llmsr/storage';
export type { ValidationIssue, ValidationResult } from '@llmsr/validation';
export {
  type ApiKeyService,
  type ApiKeyServiceOptions,
  type ApiKeyView,
  BOOTSTRAP_BASIC_USER,
  type CreatedApiKey,
  createApiKeyService,
  type NewApiKeyInput,
} from './auth/api-key-service.js';
export {
  AUDIT_EVENT,
  type AuditEntry,
  type AuditRecorder,
  type AuditRecorderOptions,
  createAuditRecorder,
} from './auth/audit-recorder.js';
export {
  type AuthDecision,
  type AuthResource,
  authorize,
  authorizeOrThrow,
} from './auth/authorize.js';
export { type Authenticator, createAuthenticator } from './auth/create-authenticator.js';
export { KEY_REVOKED_EVENT } from './auth/follow-key-revocations.js';
export {
  createJwtVerifier,
  type JwtVerifier,
  type JwtVerifierOptions,
} from './auth/jwt-verifier.js';
export {
  type CredentialHeaders,
  type Credentials,
  parseCredentials,
} from './auth/parse-credentials.js';
export { filterSubjects, hasSubjectLimit, subjectAllowed } from './auth/subject-prefixes.js';
export type { ChangeEvent, ChangeListener } from './change-events.js';
export {
  COMPATIBILITY_LEVELS,
  parseCompatibilityLevel,
  parseMode,
  REGISTRY_MODES,
  type SubjectConfig,
} from './config-operations.js';
export { type CreateRegistryOptions, createRegistry } from './create-registry.js';
export {
  COMPATIBILITY_POLICIES,
  type CompatibilityPolicy,
  JSON_SCHEMA_DRAFTS,
  type JsonSchemaDraft,
  parseJsonSchemaDraft,
} from './parse-config-extra.js';
export type { RecordedChangeEvent, RecordedChangeListener } from './recorded-change-events.js';
export { ERROR_CODES, type ErrorCode, isRegistryError, RegistryError } from './registry-error.js';
export { parseSchemaType } from './schema-text.js';
export { MAX_PAGE_SIZE, MAX_SEARCH_SCAN } from './search-schemas.js';
export type * from './types.js';
export { MAX_BATCH_ITEMS } from './validate-batch.js';
export {
  type StoredVariableSpace,
  VARIABLE_SPACE_KIND,
  type VariableSpaceService,
} from './variable-space-service.js';
export { parseVersionSpec, type VersionSpec } from './version-spec.js';
