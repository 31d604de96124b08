/**
 * @llmsr/variables: typed, constrained variable spaces for LLM programs, with validation,
 * sampling, multi-objective helpers and JSON Schema round-trips.
 * @module
 */

/** Validation and space facts. */
export type { CompiledSpace, Configuration, ValidationResult } from './compile-space.js';
export { compileSpace } from './compile-space.js';
/** Definitions: variables, conditions, spaces. */
export type { ChoiceValue, Comparison, Condition, Operand, VariableRef } from './condition.js';
export type { LlmSpaceOptions } from './create-llm-space.js';
export { createLlmSpace } from './create-llm-space.js';
export type { SpaceFacts } from './describe-space.js';
export { describeSpace } from './describe-space.js';
/** JSON Schema round-trips. */
export type {
  JsonSchemaExport,
  JsonSchemaExportOptions,
  UnexpressedRule,
} from './export-json-schema.js';
export { exportJsonSchema } from './export-json-schema.js';
export type { JsonSchemaImport, SkippedProperty } from './import-json-schema.js';
export { importJsonSchema } from './import-json-schema.js';
export { LIMITS } from './limits.js';
/** Ready-made LLM variables. */
export type { ModelProfile, ProviderProfile } from './ml-variables.js';
export {
  adapterVariable,
  DEFAULT_MODELS,
  DEFAULT_PROVIDERS,
  maxTokensVariable,
  modelVariable,
  providerModelConstraints,
  providerTemperatureVariable,
  providerVariable,
  reasoningStrategyVariable,
  temperatureVariable,
  topPVariable,
} from './ml-variables.js';
export { paretoFront } from './pareto-front.js';
/** Parsing, serialisation and errors. */
export { parseExpression } from './parse-expression.js';
export { parseSpace } from './parse-space.js';
export type { EvaluatedConfiguration } from './read-evaluations.js';
/** Sampling and multi-objective helpers. */
export type { SampleOptions, SampleReport } from './sample.js';
export { sample, sampleWithReport } from './sample.js';
export { serializeSpace } from './serialize-space.js';
export type {
  Direction,
  Objective,
  OptimizationConfig,
  SamplingMethod,
  SpaceConstraint,
  VariableSpace,
} from './space.js';
export { validateConfiguration, validateConfigurationOrThrow } from './validate-configuration.js';
export type * from './variable.js';
export type { VariableSpaceErrorCode, VariableSpaceIssue } from './variable-space-error.js';
export { VariableSpaceError } from './variable-space-error.js';
export { weightedScores } from './weighted-scores.js';
