/**
 * `@llmsr/llm`: LLM tools for schemas, usable without a registry.
 *
 * @packageDocumentation
 */

// Signatures and ML types
export {};

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
