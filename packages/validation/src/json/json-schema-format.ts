import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import {
  type CompiledValidator,
  type ParsedSchema,
  type ParseOptions,
  type SchemaFormat,
  SchemaParseError,
  type ValidateOptions,
} from '../schema-format.js';
import { type AjvPool, sharedAjvPool } from './ajv-pool.js';
import { assertCompileBudget } from './assert-compile-budget.js';
import { assertLinearPatterns } from './assert-linear-patterns.js';
import { assertNoRefCycle } from './assert-no-ref-cycle.js';
import { checkAgainstMetaSchema } from './check-against-meta-schema.js';
import { compileJsonSchema } from './compile-json-schema.js';
import { createJsonValidator } from './create-json-validator.js';
import {
  DEFAULT_JSON_DRAFT,
  detectJsonDraft,
  type JsonDraft,
  jsonDraftFromName,
  jsonDraftFromNameOrThrow,
} from './detect-json-draft.js';
import { jsonSchemaCanonicalForm } from './json-schema-canonical-form.js';
import { parseJsonText } from './parse-json-text.js';
import { type PreparedReferences, prepareReferences } from './prepare-references.js';
import { refsResolveLocally } from './refs-resolve-locally.js';

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
    const draft = jsonDraftOf(parsed);
    const references = prepareReferences(parsed.references, {
      pool,
      draft,
      rootId: rootIdOf(parsed.native, draft),
    });
    const state: ParseState = { draft, references, validateFn: undefined, warnings: [] };
    states.set(parsed, state);
    return state;
  }

  return {
    schemaType: 'JSON',
    parse(schema: string, options: ParseOptions = {}): ParsedSchema {
      const defaultDraft =
        options.defaultJsonDraft === undefined
          ? DEFAULT_JSON_DRAFT
          : jsonDraftFromNameOrThrow(options.defaultJsonDraft);
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
      const draft = detectJsonDraft(native, defaultDraft);
      checkAgainstMetaSchema(pool, draft, native);
      assertLinearPatterns(native);
      const references = options.references ?? [];
      const prepared = prepareReferences(references, {
        pool,
        draft,
        rootId: rootIdOf(native, draft),
      });
      assertNoRefCycle(native, draft, prepared);
      assertCompileBudget(native, prepared);
      // Compiling is how ajv finds an unresolvable `$ref`; schemas whose refs plainly resolve
      // skip it here and compile on first use instead.
      const compiled = refsResolveLocally(native, references, pool.keywordNames)
        ? undefined
        : compileJsonSchema({ native, draft, references: prepared, strict: false, pool });
      const canonical = jsonSchemaCanonicalForm(native, draft);
      const parsed: ParsedSchema = {
        schemaType: 'JSON',
        canonical,
        fingerprint: createHash('sha256').update(canonical).digest('hex'),
        jsonDraft: draft,
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
 * JSON Schema (draft-04, draft-06, draft-07, 2019-09 and 2020-12) on ajv with ajv-formats.
 * The draft is the schema's `$schema`, else `defaultJsonDraft` (draft-07 unless given, as in
 * Confluent); `parsed.jsonDraft` says which, and the canonical form (so the fingerprint)
 * includes it (see {@link jsonSchemaCanonicalForm}). A `$ref` loop that never reads into the
 * data is refused. `strict: true` rejects properties no keyword evaluates, at every level.
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

/**
 * The draft a parsed JSON Schema is read under: the `jsonDraft` it was parsed with, else its
 * `$schema`, else {@link DEFAULT_JSON_DRAFT}.
 */
export function jsonDraftOf(parsed: ParsedSchema): JsonDraft {
  const recorded = parsed.jsonDraft === undefined ? undefined : jsonDraftFromName(parsed.jsonDraft);
  return recorded ?? detectJsonDraft(parsed.native);
}

/** The root's own URI: `$id`, or `id` in draft-04. */
function rootIdOf(native: unknown, draft: JsonDraft): string | undefined {
  if (typeof native !== 'object' || native === null) return undefined;
  const id = (native as Record<string, unknown>)[draft === 'draft-04' ? 'id' : '$id'];
  return typeof id === 'string' ? id : undefined;
}
