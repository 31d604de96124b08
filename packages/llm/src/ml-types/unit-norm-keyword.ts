import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

/** The value of the `x-unit-norm` keyword. */
export interface UnitNormOptions {
  /** Largest accepted `|‖v‖ - 1|`; 1e-6 when absent. */
  tolerance?: number;
}

/** The tolerance used when `x-unit-norm` gives none. */
export const DEFAULT_UNIT_NORM_TOLERANCE = 1e-6;

const validateUnitNorm: SchemaValidateFunction = (schema: UnitNormOptions, data: unknown[]) => {
  const tolerance = schema.tolerance ?? DEFAULT_UNIT_NORM_TOLERANCE;
  let sum = 0;
  for (const value of data) {
    // Non-numbers are the `items` keyword's business; a non-finite number has no norm.
    if (typeof value !== 'number') return true;
    sum += value * value;
  }
  const norm = Math.sqrt(sum);
  if (Number.isFinite(norm) && Math.abs(norm - 1) <= tolerance) return true;
  validateUnitNorm.errors = [
    {
      keyword: 'x-unit-norm',
      message: `must have Euclidean norm 1 within ${tolerance} (norm is ${norm})`,
      params: { norm, tolerance },
    },
  ];
  return false;
};

/**
 * ajv keyword `x-unit-norm: { tolerance? }`: an array of numbers must have Euclidean norm 1
 * within the tolerance, which JSON Schema cannot express. Used by normalised embeddings.
 *
 * @example
 * ajv.addKeyword(unitNormKeyword);
 * ajv.validate({ type: 'array', 'x-unit-norm': { tolerance: 1e-3 } }, [0.6, 0.8]); // true
 */
export const unitNormKeyword: FuncKeywordDefinition = {
  keyword: 'x-unit-norm',
  type: 'array',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    properties: { tolerance: { type: 'number', minimum: 0, maximum: 1 } },
    additionalProperties: false,
  },
  errors: true,
  validate: validateUnitNorm,
};
