/**
 * @llmsr/variables: typed, constrained variable spaces for LLM programs, with validation,
 * sampling, multi-objective helpers and JSON Schema round-trips.
 * @module
 */

export type { CompiledSpace, Configuration, ValidationResult } from './compile-space.js';
export { compileSpace } from './compile-space.js';
export type { ChoiceValue, Comparison, Condition, Operand, VariableRef } from './condition.js';
export { parseExpression } from './parse-expression.js';
export { parseSpace } from './parse-space.js';
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
