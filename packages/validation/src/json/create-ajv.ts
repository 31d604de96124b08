import { createRequire } from 'node:module';
import type { Ajv as AjvCore, AnySchemaObject, Logger, Options, Vocabulary } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as unevaluatedModule from 'ajv/dist/vocabularies/unevaluated/index.js';
import * as ajvDraft04 from 'ajv-draft-04';
import * as ajvFormats from 'ajv-formats';
import { compileLinearRegExp, linearRegExpEngine } from '../regex/compile-linear-reg-exp.js';
import { INLINE_REF_KEYWORDS } from './assert-compile-budget.js';
import type { JsonDraft } from './detect-json-draft.js';

type FormatsPlugin = (ajv: AjvCore) => AjvCore;

/** Unwraps the default export of a CommonJS module however the loader presents it. */
function defaultExport<T>(module: unknown, isExport: (value: unknown) => boolean): T {
  let current = module as { default?: unknown } | undefined;
  for (let i = 0; i < 3 && current !== undefined && !isExport(current); i++) {
    current = current.default as { default?: unknown } | undefined;
  }
  return current as T;
}

const addFormats = defaultExport<FormatsPlugin>(ajvFormats, (value) => typeof value === 'function');
/** ajv's draft-04 class: `id` instead of `$id`, boolean `exclusiveMinimum`/`exclusiveMaximum`. */
const AjvDraft04 = defaultExport<new (options: Options) => AjvCore>(
  ajvDraft04,
  (value) => typeof value === 'function',
);
/** ajv validates draft-06 with its draft-07 class plus the draft-06 meta-schema. */
const draft06MetaSchema = createRequire(import.meta.url)(
  'ajv/dist/refs/json-schema-draft-06.json',
) as AnySchemaObject;
/**
 * Keywords ajv's classes know but a draft does not have: the specification says to ignore
 * them there (draft-06 has no `if`/`then`/`else`; draft-04 also lacks `const`, `contains`
 * and `propertyNames`), and Confluent ignores them too.
 */
const KEYWORDS_NOT_IN_DRAFT: Partial<Record<JsonDraft, readonly string[]>> = {
  'draft-04': ['if', 'then', 'else', 'const', 'contains', 'propertyNames'],
  'draft-06': ['if', 'then', 'else'],
};
/** `unevaluatedProperties`/`unevaluatedItems`, which ajv's draft-07 class lacks. */
const unevaluatedVocabulary = defaultExport<Vocabulary>(unevaluatedModule, Array.isArray);

/** Ajv instance options beyond the draft. */
export interface CreateAjvOptions {
  /** Enable `unevaluatedProperties`/`unevaluatedItems` on draft-04/06/07 (used by strict mode). */
  unevaluated?: boolean;
  /** Receives ajv's compile-time warnings (unknown formats, ignored keywords). */
  logger?: Logger | false;
  /**
   * `format: "regex"` accepts only patterns the linear-time engine runs (user schemas: a value
   * valid there can be used as a schema pattern). Off for meta-schemas, where `pattern` values
   * are checked as ECMAScript first and RE2 afterwards with a precise reason.
   */
  linearRegexFormat?: boolean;
}

/**
 * Creates an ajv instance for one draft with the registry's settings: all errors collected,
 * unknown keywords and formats tolerated (the JSON Schema specs say to ignore them),
 * own-property semantics (so `required: ["constructor"]` is not satisfied by the prototype),
 * large `enum`/`required` compiled to loops instead of giant expressions, and formats from
 * ajv-formats. Schemas are meta-validated by the caller before compiling, so ajv's own
 * `$schema`-keyed meta validation is off. Schema patterns (`pattern`, `patternProperties`,
 * `propertyNames`, and `format: "regex"` values in user schemas) run on RE2
 * ({@link linearRegExpEngine}), so no pattern can stall the process.
 */
export function createAjv(draft: JsonDraft, options: CreateAjvOptions = {}): AjvCore {
  const settings: Options = {
    allErrors: true,
    strict: false,
    ownProperties: true,
    loopEnum: 64,
    loopRequired: 64,
    validateSchema: false,
    logger: options.logger ?? false,
    code: { regExp: linearRegExpEngine },
    // ajv inlines a referenced schema at every `$ref` to it by default, whatever its size (1,000
    // refs to a 30-property definition: 33 s to compile); larger ones become shared functions.
    inlineRefs: INLINE_REF_KEYWORDS,
  };
  let ajv: AjvCore;
  if (draft === '2020-12') ajv = new Ajv2020(settings);
  // ajv 8 resolves `$recursiveRef` wrongly inside a `$ref` target it inlined under a numeric
  // `inlineRefs` (the suite's "$recursiveRef ... works like $ref" cases pass with true or
  // false): 2019-09 schemas never inline, which also keeps within the compile budget.
  else if (draft === '2019-09') ajv = new Ajv2019({ ...settings, inlineRefs: false });
  else {
    const older = { ...settings, unevaluated: options.unevaluated ?? false };
    ajv = draft === 'draft-04' ? new AjvDraft04(older) : new Ajv(older);
    if (draft === 'draft-06') ajv.addMetaSchema(draft06MetaSchema);
    for (const keyword of KEYWORDS_NOT_IN_DRAFT[draft] ?? []) ajv.removeKeyword(keyword);
    if (options.unevaluated) ajv.addVocabulary(unevaluatedVocabulary);
  }
  addFormats(ajv);
  if (options.linearRegexFormat) ajv.addFormat('regex', isLinearRegExp);
  return ajv;
}

/** True when the linear-time engine runs `source` (see `compileLinearRegExp`). */
function isLinearRegExp(source: string): boolean {
  try {
    compileLinearRegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
