import type { ValidateFunction } from 'ajv';
import { SchemaParseError } from '../schema-format.js';
import { adaptForAjv } from './adapt-for-ajv.js';
import type { AjvPool } from './ajv-pool.js';
import type { JsonDraft } from './detect-json-draft.js';
import { findPatternPointer, invalidPatternSource } from './find-pattern-pointer.js';
import { findRefPointer } from './find-ref-pointer.js';
import { escapePointerSegment } from './json-pointer.js';
import type { PreparedReferences } from './prepare-references.js';
import { toStrictSchema } from './to-strict-schema.js';

/** A compiled ajv function and the warnings ajv logged while compiling it. */
export interface CompiledJsonSchema {
  validateFn: ValidateFunction;
  warnings: string[];
}

/** What to compile: a parsed JSON Schema value and its context. */
export interface CompileJsonSchemaInput {
  native: unknown;
  draft: JsonDraft;
  references: PreparedReferences | undefined;
  strict: boolean;
  pool: AjvPool;
}

/**
 * Compiles a meta-validated schema with ajv, turning ajv's failures into
 * {@link SchemaParseError}: an unresolvable `$ref` names the ref and its pointer.
 */
export function compileJsonSchema(input: CompileJsonSchemaInput): CompiledJsonSchema {
  const { native, draft, references, strict, pool } = input;
  const ajv = pool.acquire({ draft, strict, references });
  const schema = adaptForAjv(strict ? toStrictSchema(native) : native);
  pool.warnings.length = 0;
  try {
    const validateFn = ajv.compile(schema as object);
    return { validateFn, warnings: [...new Set(pool.warnings)] };
  } catch (error) {
    throw toParseError(error, native);
  } finally {
    pool.warnings.length = 0;
  }
}

const INVALID_KEYWORD_VALUE = /^keyword "([^"]+)" value is invalid at path "#([^"]*)"/;

function toParseError(error: unknown, native: unknown): SchemaParseError {
  if (error instanceof SchemaParseError) return error;
  const missingRef = (error as { missingRef?: unknown }).missingRef;
  if (typeof missingRef === 'string') {
    const found = findRefPointer(native, missingRef);
    const ref = found?.ref ?? missingRef;
    const pointer = found?.pointer ?? '';
    return new SchemaParseError(
      `unresolvable $ref "${ref}" at "${pointer}": neither in this schema nor a reference`,
      [{ path: pointer, message: `cannot resolve "${ref}" (resolved to "${missingRef}")` }],
    );
  }
  if (error instanceof RangeError) {
    return new SchemaParseError('schema is too complex to compile', [
      { path: '', message: error.message },
    ]);
  }
  const message = error instanceof Error ? error.message : String(error);
  // A custom keyword whose value its meta-schema refuses: ajv names the schema path.
  const keyword = INVALID_KEYWORD_VALUE.exec(message);
  if (keyword) {
    const pointer = `${keyword[2]}/${escapePointerSegment(keyword[1] ?? '')}`;
    return new SchemaParseError(`schema cannot be compiled: ${message}`, [
      { path: pointer, message },
    ]);
  }
  const source = invalidPatternSource(message);
  const pointer = source === undefined ? '' : (findPatternPointer(native, source) ?? '');
  const where = pointer ? ` at "${pointer}"` : '';
  return new SchemaParseError(`schema cannot be compiled: ${message}${where}`, [
    { path: pointer, message },
  ]);
}
