import { createRequire } from 'node:module';
import type { ErrorObject, Options } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { OUTPUT_ERROR_CODES, OutputError } from './output-error.ts';
import { schemaRegExpEngine } from './schema-reg-exp.ts';

/**
 * A compiled validator: ajv's `ValidateFunction`, or any function of that shape, e.g. the
 * registry's own compiled validator (which also bounds regex cost for untrusted schemas).
 */
export interface OutputValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

type AjvLike = {
  compile(schema: object | boolean): OutputValidateFunction;
  removeSchema(schema: object): unknown;
};

/** ajv-formats is CommonJS; take its plugin however the loader presents it. */
const addFormats = ((ajvFormats as { default?: unknown }).default ?? ajvFormats) as (
  ajv: unknown,
) => void;

const OPTIONS: Options = {
  strict: false,
  allErrors: true,
  // The expected type of a missing property and the received value come from `verbose` errors.
  verbose: true,
  // Model output is parsed JSON: an absent "constructor" key must not be seen through the prototype.
  ownProperties: true,
  // One compile per schema object, never registered by `$id`, so unrelated schemas cannot clash.
  addUsedSchema: false,
  // Patterns run in linear time where RE2 can express them: the data is an untrusted reply.
  code: { regExp: schemaRegExpEngine as NonNullable<Options['code']>['regExp'] },
};

type Dialect = 'draft-07' | '2019-09' | '2020-12';
const instances = new Map<Dialect, AjvLike>();
const cache = new WeakMap<object, OutputValidateFunction>();
const draft06MetaSchema = createRequire(import.meta.url)(
  'ajv/dist/refs/json-schema-draft-06.json',
) as object;

function dialectOf(schema: unknown): Dialect {
  const uri =
    typeof schema === 'object' && schema !== null
      ? (schema as { $schema?: unknown }).$schema
      : undefined;
  if (typeof uri !== 'string') return '2020-12';
  if (/draft-0[0-4]\//.test(uri)) {
    throw new OutputError(
      OUTPUT_ERROR_CODES.OUTPUT_SCHEMA_INVALID,
      "Draft-04 output schemas are not compiled here; pass the registry's compiled validator as `validate`",
    );
  }
  if (/draft-0[67]\//.test(uri)) return 'draft-07';
  if (uri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

function ajvFor(schema: unknown): AjvLike {
  const dialect = dialectOf(schema);
  let ajv = instances.get(dialect);
  if (ajv === undefined) {
    const instance =
      dialect === 'draft-07'
        ? new Ajv(OPTIONS)
        : dialect === '2019-09'
          ? new Ajv2019(OPTIONS)
          : new Ajv2020(OPTIONS);
    // ajv's draft-07 class validates draft-06 too, given the draft-06 meta-schema.
    if (dialect === 'draft-07') instance.addMetaSchema(draft06MetaSchema);
    addFormats(instance);
    ajv = instance as unknown as AjvLike;
    instances.set(dialect, ajv);
  }
  return ajv;
}

/**
 * Compiles a JSON Schema for output validation with ajv: draft 2020-12 (`ajv/dist/2020`) by
 * default, draft-07 (and draft-06) or 2019-09 when `$schema` names them; all errors, formats on.
 * Draft-04 is refused with a clear error (pass the registry's own validator instead).
 * Compiled functions are cached per schema object.
 *
 * @throws OutputError `OUTPUT_SCHEMA_INVALID` when ajv cannot compile the schema.
 * @example
 * ```ts
 * const validate = compileOutputValidator({ type: 'object', required: ['a'] });
 * validate({ a: 1 }); // true
 * ```
 */
export function compileOutputValidator(schema: unknown): OutputValidateFunction {
  if (typeof schema === 'boolean') return ajvFor(undefined).compile(schema);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new OutputError(
      OUTPUT_ERROR_CODES.OUTPUT_SCHEMA_INVALID,
      'The output schema must be a JSON Schema object or boolean',
    );
  }
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const ajv = ajvFor(schema);
  let validate: OutputValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new OutputError(
      OUTPUT_ERROR_CODES.OUTPUT_SCHEMA_INVALID,
      `The output schema does not compile: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    // ajv keeps compiled schemas by object; the WeakMap above is the only cache we want.
    ajv.removeSchema(schema);
  }
  cache.set(schema, validate);
  return validate;
}
