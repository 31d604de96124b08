import { compileOutputValidator, type OutputValidateFunction } from './compile-output-validator.ts';
import { createLineIndex, type OutputRepair } from './describe-repairs.ts';
import { chooseCandidate, evaluateCandidate } from './evaluate-candidate.ts';
import { findJsonCandidates, type JsonCandidate } from './find-json-candidates.ts';
import { OUTPUT_ERROR_CODES, type OutputErrorCode } from './output-error.ts';
import type { OutputValidationError } from './output-validation-error.ts';

/** Options of {@link parseModelOutput}. */
export interface ParseModelOutputOptions {
  /** Convert string scalars where the schema states one type (`"42"` -> 42). Off by default. */
  readonly coerce?: boolean;
  /** Repair damaged JSON with jsonrepair (default true). */
  readonly repair?: boolean;
  /** A precompiled validator to use instead of compiling `schema` (e.g. the registry's own). */
  readonly validate?: OutputValidateFunction;
  /** Longest text accepted, in UTF-16 code units (default 1,000,000): longer is `OUTPUT_TOO_LARGE`. */
  readonly maxLength?: number;
  /** Most candidates examined, the last ones in the text (default 16). */
  readonly maxCandidates?: number;
  /** Deepest JSON nesting accepted (default 256): deeper is `OUTPUT_TOO_DEEP`. */
  readonly maxDepth?: number;
}

/** A candidate with what became of it. */
export interface CandidateReport extends JsonCandidate {
  readonly status: 'valid' | 'invalid' | 'unparseable' | 'too-deep';
  readonly repaired: boolean;
  readonly chosen: boolean;
}

/** The result of {@link parseModelOutput}. */
export interface ParseModelOutputResult {
  readonly valid: boolean;
  /** The chosen candidate's data (repaired and coerced), also when it does not validate. */
  readonly data: unknown;
  readonly errors: readonly OutputValidationError[];
  readonly repairs: readonly OutputRepair[];
  /** The candidates examined (the last `maxCandidates` found), in text order. */
  readonly candidates: readonly CandidateReport[];
  /** Candidates found earlier in the text and not examined. */
  readonly skippedCandidates: number;
  /** Why the result is not valid; absent when valid. */
  readonly code?: OutputErrorCode;
}

/**
 * Finds, repairs, optionally coerces and validates the JSON in a model's reply. Candidates are
 * fenced blocks and bare `{...}`/`[...]` spans; the chosen one is the last that validates,
 * else the last that parses (complete candidates before truncated ones). Every text change is
 * listed in `repairs` with its line and column; validation errors carry JSON pointers and what
 * was expected. Bounded: text over `maxLength`, JSON deeper than `maxDepth`, at most
 * `maxCandidates` candidates.
 *
 * @throws OutputError `OUTPUT_SCHEMA_INVALID` when the schema does not compile.
 * @example
 * ```ts
 * const result = parseModelOutput(
 *   'Here you go:\n```json\n{"name": "Ada", "age": "36",}\n```',
 *   { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } },
 *   { coerce: true },
 * );
 * result.valid; // true
 * result.data; // { name: 'Ada', age: 36 }
 * result.repairs.map((r) => r.kind); // ['extract', 'syntax', 'coerce']
 * ```
 */
export function parseModelOutput(
  text: string,
  schema: unknown,
  options: ParseModelOutputOptions = {},
): ParseModelOutputResult {
  const maxLength = options.maxLength ?? 1_000_000;
  if (typeof text !== 'string')
    return failure(OUTPUT_ERROR_CODES.OUTPUT_NO_JSON, 'The model output is not text', [], 0);
  if (text.length > maxLength) {
    return failure(
      OUTPUT_ERROR_CODES.OUTPUT_TOO_LARGE,
      `The model output has ${text.length} characters; the limit is ${maxLength}`,
      [],
      0,
    );
  }
  const validate = options.validate ?? compileOutputValidator(schema);
  let found = findJsonCandidates(text);
  if (found.length === 0) {
    // A bare scalar reply ("42", "\"yes\"") is JSON too, but only as strict JSON: repairing
    // prose would turn any sentence into a string.
    const start = text.search(/\S/);
    if (start >= 0 && isStrictJson(text.slice(start))) {
      found = [{ start, end: text.trimEnd().length, source: 'text', complete: true }];
    }
  }
  const maxCandidates = options.maxCandidates ?? 16;
  const examined = found.slice(-maxCandidates);
  const skippedCandidates = found.length - examined.length;
  const lines = createLineIndex(text);
  const evaluated = examined.map((candidate) =>
    evaluateCandidate(text, candidate, { validate, schema, lines, options }),
  );
  const best = chooseCandidate(evaluated);
  const reports: CandidateReport[] = evaluated.map((e) => ({
    ...e.candidate,
    status: e.status,
    repaired: e.repaired,
    chosen: e === best,
  }));
  if (best === undefined) {
    const last = evaluated[evaluated.length - 1];
    if (last === undefined)
      return failure(
        OUTPUT_ERROR_CODES.OUTPUT_NO_JSON,
        'No JSON object or array was found in the model output',
        reports,
        0,
      );
    const code =
      last.status === 'too-deep'
        ? OUTPUT_ERROR_CODES.OUTPUT_TOO_DEEP
        : OUTPUT_ERROR_CODES.OUTPUT_INVALID_JSON;
    return failure(
      code,
      last.failure ?? 'The JSON could not be parsed',
      reports,
      skippedCandidates,
    );
  }
  const trimmed = text.trim();
  const whole =
    best.candidate.start === text.length - text.trimStart().length &&
    best.candidate.end - best.candidate.start === trimmed.length;
  const extract: OutputRepair[] = whole
    ? []
    : [
        {
          kind: 'extract',
          message: `took the JSON from ${best.candidate.source === 'fence' ? 'a fenced code block' : 'the surrounding text'}`,
          offset: best.candidate.start,
          ...lines.position(best.candidate.start),
        },
      ];
  const valid = best.status === 'valid';
  return {
    valid,
    data: best.data,
    errors: best.errors,
    repairs: [...extract, ...best.repairs],
    candidates: reports,
    skippedCandidates,
    ...(valid ? {} : { code: OUTPUT_ERROR_CODES.OUTPUT_SCHEMA_MISMATCH }),
  };
}

function isStrictJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

function failure(
  code: OutputErrorCode,
  message: string,
  candidates: CandidateReport[],
  skippedCandidates: number,
): ParseModelOutputResult {
  return {
    valid: false,
    data: undefined,
    errors: [{ path: '', keyword: code, message }],
    repairs: [],
    candidates,
    skippedCandidates,
    code,
  };
}
