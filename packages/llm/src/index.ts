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

// Provider structured-output lint and transform, output parsing
