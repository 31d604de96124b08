/**
 * @llmsr/core: the registry service. Apps call it and nothing else.
 * @module
 */

export type { CompatibilityReport, CompatibilityViolation } from '@llmsr/compatibility';
export type { CompiledSignature, PromptField } from '@llmsr/llm';
export type {
  CompatibilityLevel,
  ConfigRecord,
  RegistryMode,
  SchemaReference,
  SchemaType,
} from '@llmsr/storage';
export type { ValidationIssue, ValidationResult } from '@llmsr/validation';
export {
  type AccessAttempt,
  type AccessControl,
  type AuthOptions,
  createAccessControl,
} from './auth/access-control.js';
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
export {
  type ClientAddressResolver,
  checkTrustProxy,
  createClientAddressResolver,
} from './auth/client-address.js';
export { type Authenticator, createAuthenticator } from './auth/create-authenticator.js';
export {
  createRateLimiter,
  type RateDecision,
  type RateLimiter,
  type RateLimits,
} from './auth/create-rate-limiter.js';
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
  CONFLUENT_METADATA_KEY,
  CONFLUENT_RULE_SET_KEY,
  type ConfluentDataContract,
  confluentDataContract,
} from './confluent/confluent-data-contract.js';
export type { LookupConfluentSchemaInput } from './confluent/lookup-confluent-schema.js';
export type { ConfluentSchemaContent } from './confluent/read-confluent-candidate.js';
export type { RegisterConfluentSchemaInput } from './confluent/register-confluent-schema.js';
export { type CreateRegistryOptions, createRegistry } from './create-registry.js';
export type { CompileSignatureInput } from './llm/compile-registry-signature.js';
export type { RegistrationLintIssue } from './llm/lint-registration.js';
export type * from './llm/llm-types.js';
export { MAX_OUTPUT_TEXT } from './llm/parse-output.js';
export { COMPATIBILITY_LEVELS, parseCompatibilityLevel } from './parse-compatibility-level.js';
export {
  COMPATIBILITY_POLICIES,
  type CompatibilityPolicy,
  JSON_SCHEMA_DRAFTS,
  type JsonSchemaDraft,
  parseJsonSchemaDraft,
} from './parse-config-extra.js';
export { parseMode, REGISTRY_MODES } from './parse-mode.js';
export type { RecordedChangeEvent, RecordedChangeListener } from './recorded-change-events.js';
export type * from './registry.js';
export { ERROR_CODES, type ErrorCode, isRegistryError, RegistryError } from './registry-error.js';
export type { SubjectConfig } from './resolve-subject-config.js';
export { parseSchemaType } from './schema-text.js';
export { MAX_PAGE_SIZE } from './search-query.js';
export { MAX_SEARCH_SCAN } from './search-schemas.js';
export type * from './types.js';
export { MAX_BATCH_ITEMS } from './validate-batch.js';
export {
  type StoredVariableSpace,
  VARIABLE_SPACE_KIND,
  type VariableSpaceService,
} from './variable-space-service.js';
export { parseVersionSpec, type VersionSpec } from './version-spec.js';
