import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

const validateSequentialSteps: SchemaValidateFunction = (_schema: boolean, data: unknown[]) => {
  for (let i = 0; i < data.length; i++) {
    const item = data[i] as { step?: unknown } | null;
    // Items that are not step objects are left to `items`.
    if (typeof item !== 'object' || item === null || typeof item.step !== 'number') continue;
    if (item.step === i + 1) continue;
    validateSequentialSteps.errors = [
      {
        keyword: 'x-sequential-steps',
        instancePath: `/${i}/step`,
        message: `step ${i + 1} must be numbered ${i + 1}, found ${item.step}`,
        params: { index: i, expected: i + 1, actual: item.step },
      },
    ];
    return false;
  }
  return true;
};

/**
 * ajv keyword `x-sequential-steps: true`: an array of `{ step, ... }` objects must be numbered
 * 1, 2, 3... in order, which JSON Schema cannot express. Used by reasoning chains.
 *
 * @example
 * ajv.addKeyword(sequentialStepsKeyword);
 * ajv.validate({ 'x-sequential-steps': true }, [{ step: 2 }]); // false
 */
export const sequentialStepsKeyword: FuncKeywordDefinition = {
  keyword: 'x-sequential-steps',
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate: validateSequentialSteps,
};
