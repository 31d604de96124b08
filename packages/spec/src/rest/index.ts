/**
 * `@llmsr/spec/rest`: the request and response schemas of the native REST API (zod v4). The
 * server validates requests and generates its OpenAPI document from them; the SDK takes its
 * types from them and checks the server's answers with them (`safeParse`).
 *
 * @packageDocumentation
 */

export {
  ApiKeyBody,
  ApiKeyListQuery,
  ApiKeyPage,
  AuditEntryBody,
  AuditPage,
  AuditQueryParams,
  CreatedApiKeyBody,
  NewApiKeyRequest,
  RevokedApiKeyBody,
} from './auth-bodies.js';
export {
  CompatibilityCheckRequest,
  CompatibilityReport,
  CompatibilityViolation,
} from './compatibility-check.js';
export { ConfigBody, ConfigUpdateRequest, EffectiveConfigBody } from './config-bodies.js';
export * from './confluent/index.js';
export { ErrorBody } from './error-body.js';
export { fieldError } from './field-error.js';
export { CacheStats, HealthBody, HealthOrLivenessBody, LivenessBody } from './health-body.js';
export { ImportLine, ImportResult } from './import-bodies.js';
export {
  MAX_PARSE_OUTPUT_TEXT,
  ParseOutputRequest,
  ParseOutputResponse,
  ProviderLintIssue,
  ProviderLintRequest,
  ProviderLintResponse,
  ProviderSchemaResponse,
} from './llm-provider-bodies.js';
export {
  CompileSignatureRequest,
  CompileSignatureResponse,
  PromptField,
} from './llm-signature.js';

export { optionalField } from './optional-field.js';
export {
  flagQuery,
  integerQuery,
  jsonValueQuery,
  lenientIntegerQuery,
  textQuery,
} from './query-fields.js';
export { RegisterRequest } from './register-request.js';
export { RootBody } from './root-body.js';
export {
  booleanField,
  positiveIntegerField,
  stringField,
  stringOrIntegerField,
} from './scalar-fields.js';
export { SchemaBody } from './schema-body.js';
export {
  SchemaDependency,
  SchemaDependent,
  SchemaPage,
  SearchHit,
  SearchPage,
} from './schema-page.js';
export { SchemaReference } from './schema-reference.js';
export {
  Metadata,
  RegisterResponse,
  SchemaContent,
  SchemaVersionBody,
} from './schema-version-body.js';
export { DeleteSubjectResponse, SubjectList } from './subject-bodies.js';
export {
  BatchItem,
  BatchItemResult,
  ValidateBatchRequest,
  ValidateBatchResponse,
} from './validate-batch.js';
export {
  DataSelector,
  ValidateDataRequest,
  ValidateDataResponse,
  ValidationIssue,
} from './validate-data.js';
export { ValidateSchemaRequest, ValidateSchemaResponse } from './validate-schema.js';
export {
  ConfigurationValidateRequest,
  ConfigurationValidateResponse,
  SampleRequest,
  SampleResponse,
  VariableSpaceBody,
  VariableSpaceDefinition,
  VariableSpaceDeleted,
  VariableSpaceIssue,
  VariableSpaceJsonSchema,
  VariableSpaceUpdateRequest,
} from './variable-space-bodies.js';
export {
  CompatibilityLevelEnum,
  CompatibilityPolicyEnum,
  JsonSchemaDraftEnum,
  ModeEnum,
  SchemaTypeEnum,
} from './vocabulary-enums.js';
