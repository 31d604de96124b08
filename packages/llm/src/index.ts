/**
 * `@llmsr/llm`: LLM tools for schemas, usable without a registry.
 *
 * @packageDocumentation
 */

// Signatures and ML types
export { addMlTypes, ML_TYPE_KEYWORDS } from './ml-types/add-ml-types.js';
export { type EmbeddingSchemaOptions, embeddingSchema } from './ml-types/embedding-schema.js';
export {
  isMlTypeName,
  ML_TYPE_NAMES,
  ML_TYPES_BASE,
  ML_TYPES_DIALECT,
  type MlTypeName,
  mlTypeId,
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
