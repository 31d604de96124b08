import type { Ajv as AjvCore, Logger, Options, Vocabulary } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as unevaluatedModule from 'ajv/dist/vocabularies/unevaluated/index.js';
import * as ajvFormats from 'ajv-formats';
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
/** `unevaluatedProperties`/`unevaluatedItems`, which ajv's draft-07 class lacks. */
const unevaluatedVocabulary = defaultExport<Vocabulary>(unevaluatedModule, Array.isArray);

/** Ajv instance options beyond the draft. */
export interface CreateAjvOptions {
  /** Enable `unevaluatedProperties`/`unevaluatedItems` on draft-07 (used by strict mode). */
  unevaluated?: boolean;
  /** Receives ajv's compile-time warnings (unknown formats, ignored keywords). */
  logger?: Logger | false;
}

/**
 * Creates an ajv instance for one draft with the registry's settings: all errors collected,
 * unknown keywords and formats tolerated (the JSON Schema specs say to ignore them),
 * own-property semantics (so `required: ["constructor"]` is not satisfied by the prototype),
 * large `enum`/`required` compiled to loops instead of giant expressions, and formats from
 * ajv-formats. Schemas are meta-validated by the caller before compiling, so ajv's own
 * `$schema`-keyed meta validation is off.
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
  };
  let ajv: AjvCore;
  if (draft === '2020-12') ajv = new Ajv2020(settings);
  else if (draft === '2019-09') ajv = new Ajv2019(settings);
  else {
    ajv = new Ajv({ ...settings, unevaluated: options.unevaluated ?? false });
    if (options.unevaluated) ajv.addVocabulary(unevaluatedVocabulary);
  }
  addFormats(ajv);
  return ajv;
}
