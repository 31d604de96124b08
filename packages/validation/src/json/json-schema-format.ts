import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import {
  type CompiledValidator,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaFormat,
  SchemaParseError,
  type SchemaProblem,
  type ValidateOptions,
} from '../schema-format.js';
import { type AjvPool, sharedAjvPool } from './ajv-pool.js';
import { canonicalJson } from './canonical-json.js';
import { compileJsonSchema } from './compile-json-schema.js';
import { createJsonValidator } from './create-json-validator.js';
import { detectJsonDraft, type JsonDraft } from './detect-json-draft.js';
import { parseJsonText } from './parse-json-text.js';
import { type PreparedReferences, prepareReferences } from './prepare-references.js';
import { refsResolveLocally } from './refs-resolve-locally.js';

/** Most meta-schema problems reported for one schema. */
const MAX_PROBLEMS = 20;

interface ParseState {
  draft: JsonDraft;
  references: PreparedReferences | undefined;
  /** The non-strict function compiled while parsing (to find unresolvable refs). */
  validateFn: ValidateFunction | undefined;
  warnings: string[];
}

/** The JSON Schema format, plus access to the raw ajv function (the baseline of benchmarks). */
export interface JsonSchemaFormat extends SchemaFormat {
  /**
   * The ajv function a validator of `parsed` wraps, compiled with the same options: what
   * benchmarks compare `compile(parsed).validate` against.
   */
  compileAjvFunction(parsed: ParsedSchema, options?: ValidateOptions): ValidateFunction;
}

/**
 * Creates a JSON Schema {@link SchemaFormat} on an ajv pool; {@link jsonSchemaFormat} is the
 * shared instance, a separate pool isolates tests and benchmarks.
 */
export function createJsonSchemaFormat(pool: AjvPool = sharedAjvPool): JsonSchemaFormat {
  const states = new WeakMap<ParsedSchema, ParseState>();

  function stateOf(parsed: ParsedSchema): ParseState {
    const known = states.get(parsed);
    if (known) return known;
    // A ParsedSchema built elsewhere (for example read back from storage): rebuild its context.
    const draft = detectJsonDraft(parsed.native);
    const references = prepareReferences(parsed.references, {
      pool,
      draft,
      rootId: rootIdOf(parsed.native),
    });
    const state: ParseState = { draft, references, validateFn: undefined, warnings: [] };
    states.set(parsed, state);
    return state;
  }

  return {
    schemaType: 'JSON',
    parse(schema: string, options: { references?: ResolvedReference[] } = {}): ParsedSchema {
      const native = parseJsonText(schema);
      if (
        typeof native !== 'boolean' &&
        (typeof native !== 'object' || native === null || Array.isArray(native))
      ) {
        throw new SchemaParseError('a JSON Schema must be a JSON object or boolean', [
          {
            path: '',
            message: `got ${Array.isArray(native) ? 'an array' : native === null ? 'null' : typeof native}`,
          },
        ]);
      }
      const draft = detectJsonDraft(native);
      checkAgainstMetaSchema(pool, draft, native);
      const references = options.references ?? [];
      const prepared = prepareReferences(references, { pool, draft, rootId: rootIdOf(native) });
      // Compiling is how ajv finds an unresolvable `$ref`; schemas whose refs plainly resolve
      // skip it here and compile on first use instead.
      const compiled = refsResolveLocally(native, references)
        ? undefined
        : compileJsonSchema({ native, draft, references: prepared, strict: false, pool });
      const canonical = canonicalJson(native);
      const parsed: ParsedSchema = {
        schemaType: 'JSON',
        canonical,
        fingerprint: createHash('sha256').update(canonical).digest('hex'),
        native,
        references,
      };
      states.set(parsed, {
        draft,
        references: prepared,
        validateFn: compiled?.validateFn,
        warnings: compiled?.warnings ?? [],
      });
      return parsed;
    },
    compile(parsed: ParsedSchema, options: ValidateOptions = {}): CompiledValidator {
      const state = stateOf(parsed);
      const strict = options.strict ?? false;
      // The function compiled while parsing is stateless between calls, so it is shared.
      const timing = { timing: options.timing ?? true };
      if (!strict && state.validateFn) {
        return createJsonValidator(state.validateFn, state.warnings, timing);
      }
      const compiled = compileJsonSchema({
        native: parsed.native,
        draft: state.draft,
        references: state.references,
        strict,
        pool,
      });
      if (!strict) {
        state.validateFn = compiled.validateFn;
        state.warnings = compiled.warnings;
      }
      return createJsonValidator(compiled.validateFn, compiled.warnings, timing);
    },
    compileAjvFunction(parsed: ParsedSchema, options: ValidateOptions = {}): ValidateFunction {
      const state = stateOf(parsed);
      return compileJsonSchema({
        native: parsed.native,
        draft: state.draft,
        references: state.references,
        strict: options.strict ?? false,
        pool,
      }).validateFn;
    },
  };
}

/**
 * JSON Schema (draft-07, 2019-09 and 2020-12, picked by `$schema`, default 2020-12) on ajv
 * with ajv-formats. `strict: true` rejects properties no keyword evaluates, at every level.
 *
 * @example
 * ```ts
 * const parsed = jsonSchemaFormat.parse('{"type":"object","properties":{"id":{"type":"integer"}}}');
 * parsed.fingerprint; // SHA-256 hex of '{"properties":{"id":{"type":"integer"}},"type":"object"}'
 * const validator = jsonSchemaFormat.compile(parsed, { strict: true });
 * validator.validate({ id: 'x', extra: 1 }).errors;
 * // [{ path: '/id', keyword: 'type', ... }, { path: '/extra', keyword: 'unevaluatedProperties', ... }]
 * ```
 */
export const jsonSchemaFormat: JsonSchemaFormat = createJsonSchemaFormat();

/** The draft a parsed JSON Schema uses (from its `$schema`, default 2020-12). */
export function jsonDraftOf(parsed: ParsedSchema): JsonDraft {
  return detectJsonDraft(parsed.native);
}

function checkAgainstMetaSchema(pool: AjvPool, draft: JsonDraft, native: unknown): void {
  const meta = pool.metaValidator(draft);
  let valid: boolean;
  try {
    valid = meta(native) as boolean;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new SchemaParseError('schema is too deeply nested to check', [
      { path: '', message: error.message },
    ]);
  }
  if (valid) return;
  const problems: SchemaProblem[] = (meta.errors ?? []).slice(0, MAX_PROBLEMS).map((error) => ({
    path: error.instancePath,
    message: `${error.message ?? error.keyword} (${error.keyword})`,
  }));
  const first = problems[0];
  throw new SchemaParseError(
    `schema is not valid ${draft} JSON Schema: ${first?.message ?? 'invalid'} at "${first?.path ?? ''}"`,
    problems,
  );
}

function rootIdOf(native: unknown): string | undefined {
  if (typeof native !== 'object' || native === null) return undefined;
  const id = (native as { $id?: unknown }).$id;
  return typeof id === 'string' ? id : undefined;
}
