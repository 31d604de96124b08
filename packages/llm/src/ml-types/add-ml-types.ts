import type { Ajv, FuncKeywordDefinition } from 'ajv';
import { ML_TYPE_SCHEMAS } from './ml-type-schemas.js';
import { sequentialStepsKeyword } from './sequential-steps-keyword.js';
import { tensorShapeKeyword } from './tensor-shape-keyword.js';
import { unitNormKeyword } from './unit-norm-keyword.js';

/** The ajv keywords the ML type schemas use (`x-unit-norm`, `x-tensor-shape`, `x-sequential-steps`). */
export const ML_TYPE_KEYWORDS: readonly FuncKeywordDefinition[] = [
  unitNormKeyword,
  tensorShapeKeyword,
  sequentialStepsKeyword,
];

/**
 * Adds the ML type keywords and schemas to an ajv instance (draft 2020-12, `ajv/dist/2020`), so
 * schemas that `$ref` `https://llmsr.dev/ml-types/*.json` compile without network access.
 * Idempotent: keywords and schemas already present are left alone.
 *
 * @example
 * const ajv = addMlTypes(new Ajv2020());
 * ajv.validate({ $ref: mlTypeId('probability') }, 0.3); // true
 */
export function addMlTypes<T extends Ajv>(ajv: T): T {
  for (const keyword of ML_TYPE_KEYWORDS) {
    if (!ajv.getKeyword(keyword.keyword as string)) ajv.addKeyword(keyword);
  }
  for (const [id, schema] of Object.entries(ML_TYPE_SCHEMAS)) {
    if (ajv.schemas[id] === undefined && ajv.refs[id] === undefined) ajv.addSchema(schema, id);
  }
  return ajv;
}
