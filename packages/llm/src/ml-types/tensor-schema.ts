import { mlTypeId } from './ml-type-ids.js';
import type { JsonSchemaObject } from './ml-type-schemas.js';

/** Element types a tensor may declare. */
export type TensorDtype =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'float16'
  | 'bfloat16'
  | 'float32'
  | 'float64';

/** Options of {@link tensorSchema}. */
export interface TensorSchemaOptions {
  /** Size of each dimension; `null` leaves one dimension free. Up to 32 dimensions. */
  shape?: readonly (number | null)[];
  dtype?: TensorDtype;
}

/**
 * A schema for tensors of one shape (and element type): a `$ref` to the base tensor type that
 * fixes `shape` per dimension and, when every dimension is fixed, the length of `data`.
 *
 * @example
 * tensorSchema({ shape: [2, 3], dtype: 'float32' });
 * // shape must be [2, 3] and data hold 6 numbers
 */
export function tensorSchema(options: TensorSchemaOptions = {}): JsonSchemaObject {
  const properties: JsonSchemaObject = {};
  const { shape, dtype } = options;
  if (shape !== undefined) {
    if (shape.length > 32) throw new RangeError('a tensor has at most 32 dimensions');
    let count: number | undefined = 1;
    const prefixItems = shape.map((size) => {
      if (size === null) {
        count = undefined;
        return {};
      }
      if (!Number.isSafeInteger(size) || size < 0)
        throw new RangeError(`tensor dimensions must be non-negative integers, got ${size}`);
      if (count !== undefined) count *= size;
      return { const: size };
    });
    // The meta-schema wants a non-empty prefixItems, so a scalar (rank 0) only bounds the length.
    properties.shape =
      prefixItems.length === 0
        ? { type: 'array', maxItems: 0 }
        : { type: 'array', prefixItems, minItems: shape.length, maxItems: shape.length };
    if (count !== undefined && Number.isSafeInteger(count))
      properties.data = { type: 'array', minItems: count, maxItems: count };
  }
  if (dtype !== undefined) properties.dtype = { const: dtype };
  const schema: JsonSchemaObject = { $ref: mlTypeId('tensor'), type: 'object' };
  if (Object.keys(properties).length > 0) schema.properties = properties;
  if (dtype !== undefined) schema.required = ['dtype'];
  return schema;
}
