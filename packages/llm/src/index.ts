/**
 * `@llmsr/llm`: LLM tools for schemas, usable without a registry.
 *
 * @packageDocumentation
 */

// Signatures and ML types
export { addMlTypes, ML_TYPE_KEYWORDS } from './ml-types/add-ml-types.js';
export { type EmbeddingSchemaOptions, embeddingSchema } from './ml-types/embedding-schema.js';
export { inlineMlTypes, ML_TYPE_DEF_PREFIX } from './ml-types/inline-ml-types.js';
export {
  isMlTypeName,
  ML_TYPE_NAMES,
  ML_TYPES_BASE,
  ML_TYPES_DIALECT,
  type MlTypeName,
  mlTypeId,
  mlTypeNameOf,
} from './ml-types/ml-type-ids.js';
export { type JsonSchemaObject, ML_TYPE_SCHEMAS } from './ml-types/ml-type-schemas.js';
export { sequentialStepsKeyword } from './ml-types/sequential-steps-keyword.js';
export {
  type TensorDtype,
  type TensorSchemaOptions,
  tensorSchema,
} from './ml-types/tensor-schema.js';
export { tensorShapeKeyword } from './ml-types/tensor-shape-keyword.js';
export {
  DEFAULT_UNIT_NORM_TOLERANCE,
  type UnitNormOptions,
  unitNormKeyword,
} from './ml-types/unit-norm-keyword.js';
// Provider structured-output lint and transform, output parsing
export {
  compileOutputValidator,
  type OutputValidateFunction,
} from './output/compile-output-validator.ts';
export { createStreamingValidator } from './output/create-streaming-validator.ts';
export type { OutputRepair } from './output/describe-repairs.ts';
export { findJsonCandidates, type JsonCandidate } from './output/find-json-candidates.ts';
export {
  createJsonEventTokenizer,
  type JsonEventHandler,
  type JsonEventTokenizer,
  type JsonValueKind,
} from './output/json-event-tokenizer.ts';
export { OUTPUT_ERROR_CODES, OutputError, type OutputErrorCode } from './output/output-error.ts';
export type { OutputValidationError } from './output/output-validation-error.ts';
export {
  type CandidateReport,
  type ParseModelOutputOptions,
  type ParseModelOutputResult,
  parseModelOutput,
} from './output/parse-model-output.ts';
export { type RepairPromptOptions, repairPrompt } from './output/repair-prompt.ts';
export type { StreamViolation } from './output/streaming-checks.ts';
export type {
  CompletedField,
  StreamingUpdate,
  StreamingValidator,
  StreamingValidatorOptions,
  StreamingVerdict,
} from './output/streaming-validator.ts';
export {
  type GeminiTarget,
  type LintForProviderOptions,
  type LintResult,
  lintForProvider,
} from './provider/lint-for-provider.ts';
export type { LintIssue } from './provider/lint-issue.ts';
export {
  lintToolsForProvider,
  type ToolSchema,
  type ToolsLintResult,
} from './provider/lint-tools-for-provider.ts';
export { fromProviderOutput, toProviderData } from './provider/map-provider-output.ts';
export {
  assertProvider,
  PROVIDER_ERROR_CODES,
  ProviderError,
  type ProviderErrorCode,
} from './provider/provider-error.ts';
export {
  GEMINI_RESPONSE_SCHEMA_PROFILE,
  PROVIDER_PROFILES,
  type ProviderLimits,
  type ProviderProfile,
} from './provider/provider-profile.ts';
export type {
  LostConstraint,
  OutputMapping,
  ProviderSchemaResult,
  SchemaChange,
} from './provider/provider-schema-result.ts';
export { isProvider, PROVIDERS, type Provider } from './provider/providers.ts';
export { type ToProviderSchemaOptions, toProviderSchema } from './provider/to-provider-schema.ts';
export {
  type CompiledSignature,
  type CompileSignatureOptions,
  compileSignature,
  defaultInstructions,
  type PromptField,
} from './signature/compile-signature.js';
export type { FieldConstraints } from './signature/constrain-type.js';
export {
  type ExtractVariablesOptions,
  extractSignatureVariables,
  type SignatureVariables,
} from './signature/extract-signature-variables.js';
export type * from './signature/field-type.js';
export {
  type ModelResponseValue,
  type ToolCallValue,
  type TypedFieldType,
  t,
  type ValueOf,
} from './signature/field-types.js';
export { type FormatSignatureOptions, formatSignature } from './signature/format-signature.js';
export { SIGNATURE_LIMITS } from './signature/limits.js';
export {
  type ParseSignatureOptions,
  type ParseSignatureResult,
  parseSignature,
  parseSignatureOrThrow,
} from './signature/parse-signature.js';
export type {
  FieldRole,
  Signature,
  SignatureField,
  SignatureInputs,
  SignatureOutputs,
  TunableSpec,
} from './signature/signature.js';
export {
  type Empty,
  type FieldOptions,
  type SignatureBuilder,
  signature,
} from './signature/signature-builder.js';
export {
  SignatureError,
  type SignatureErrorCode,
  type SignatureErrorDetails,
} from './signature/signature-error.js';
export { signatureFromJson } from './signature/signature-from-json.js';
export { typeToSchema } from './signature/type-to-schema.js';
export { inferPrefix, typeToText } from './signature/type-to-text.js';
