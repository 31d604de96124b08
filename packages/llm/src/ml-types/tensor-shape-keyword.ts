import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

/** Largest element count a tensor shape may claim; bounds the product before it overflows. */
const MAX_ELEMENTS = Number.MAX_SAFE_INTEGER;

const validateTensorShape: SchemaValidateFunction = (_schema: boolean, data: object) => {
  const { shape, data: values } = data as { shape?: unknown; data?: unknown };
  // Missing or mistyped members are reported by `required`/`properties`.
  if (!Array.isArray(shape) || !Array.isArray(values)) return true;
  let count = 1;
  for (const size of shape) {
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return true;
    count *= size;
    if (count > MAX_ELEMENTS) break;
  }
  if (count === values.length) return true;
  validateTensorShape.errors = [
    {
      keyword: 'x-tensor-shape',
      message: `data must hold ${count} values for shape [${shape.join(', ')}], found ${values.length}`,
      params: { expected: count, actual: values.length },
    },
  ];
  return false;
};

/**
 * ajv keyword `x-tensor-shape: true`: on a `{ shape, data }` tensor, `data` (row-major, flat)
 * must hold exactly the product of `shape` values, which JSON Schema cannot express.
 *
 * @example
 * ajv.addKeyword(tensorShapeKeyword);
 * ajv.validate({ 'x-tensor-shape': true }, { shape: [2, 2], data: [1, 2, 3] }); // false
 */
export const tensorShapeKeyword: FuncKeywordDefinition = {
  keyword: 'x-tensor-shape',
  type: 'object',
  schemaType: 'boolean',
  errors: true,
  validate: validateTensorShape,
};
