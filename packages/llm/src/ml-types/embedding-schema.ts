import { mlTypeId } from './ml-type-ids.js';
import type { JsonSchemaObject } from './ml-type-schemas.js';
import { DEFAULT_UNIT_NORM_TOLERANCE } from './unit-norm-keyword.js';

/** Options of {@link embeddingSchema}. */
export interface EmbeddingSchemaOptions {
  /** Exact number of components. */
  dimension?: number;
  /** Require Euclidean norm 1; `true` uses the default tolerance (1e-6). */
  unitNorm?: boolean | { tolerance: number };
}

/**
 * A schema for embeddings of one dimension, optionally normalised: a `$ref` to the base
 * embedding type plus `minItems`/`maxItems` and the `x-unit-norm` keyword.
 *
 * @example
 * embeddingSchema({ dimension: 768, unitNorm: { tolerance: 1e-4 } });
 * // { $ref: 'https://llmsr.dev/ml-types/embedding.json', type: 'array', minItems: 768, maxItems: 768, 'x-unit-norm': { tolerance: 0.0001 } }
 */
export function embeddingSchema(options: EmbeddingSchemaOptions = {}): JsonSchemaObject {
  // `type` repeats the base's so strict validators (ajv strictTypes) accept the sibling keywords.
  const schema: JsonSchemaObject = { $ref: mlTypeId('embedding'), type: 'array' };
  const { dimension, unitNorm } = options;
  if (dimension !== undefined) {
    if (!Number.isSafeInteger(dimension) || dimension < 1)
      throw new RangeError(`embedding dimension must be a positive integer, got ${dimension}`);
    schema.minItems = dimension;
    schema.maxItems = dimension;
  }
  if (unitNorm) {
    const tolerance = unitNorm === true ? DEFAULT_UNIT_NORM_TOLERANCE : unitNorm.tolerance;
    if (!(tolerance >= 0 && tolerance <= 1))
      throw new RangeError(`unit norm tolerance must be in [0, 1], got ${tolerance}`);
    schema['x-unit-norm'] = { tolerance };
  }
  return schema;
}
