import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { LRUCache } from 'lru-cache';
import { RE2JS } from 're2js';
import { ecmascriptClassesForRe2 } from './ecmascript-classes-for-re2.js';
import { unicodePropertyNamesForRe2 } from './unicode-property-names-for-re2.js';

/**
 * A compiled schema pattern that matches in time linear in the input: what ajv's
 * `code.regExp` option needs (`test`), plus the source and flags it was built from.
 */
export interface LinearRegExp {
  readonly source: string;
  readonly flags: string;
  /** True when the pattern matches anywhere in `input` (ECMAScript `RegExp#test`). */
  test(input: string): boolean;
  /** `/source/flags`: ajv keys its compiled patterns by this text, so it must be unique. */
  toString(): string;
}

/** Flags RE2 has an equivalent for; `u` is RE2's only mode (it matches code points). */
const RE2_FLAGS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

/**
 * Longest pattern source accepted. re2js's first match costs time quadratic in the pattern's
 * length (measured: a 1,000-character literal 60 ms, 5,000 characters 1.6 s, 10,000 over 20 s),
 * so a long pattern would stall the process however linear the matching is in the input.
 */
export const MAX_PATTERN_LENGTH = 1000;

/** Compiled patterns, shared by every schema (re2js compiles a pattern in 20-130 µs). */
const cache = new LRUCache<string, LinearRegExp>({ max: 2000 });

/**
 * Compiles a schema's regular expression on RE2 (the pure-JavaScript `re2js` port), which
 * matches in linear time: no pattern, however written, can backtrack exponentially on crafted
 * input. The pattern must first be valid ECMAScript (JSON Schema's regex dialect), then be
 * expressible in RE2; RE2 has no backreferences, lookahead or lookbehind, and caps repeat
 * counts at 1000; and it must be at most {@link MAX_PATTERN_LENGTH} characters long. Any failure throws a `SyntaxError` worded like V8's
 * (`Invalid regular expression: /source/flags: reason`), which is how ajv reports a bad
 * pattern and how the registry finds the pattern's JSON pointer.
 *
 * `\s`, `\S` and `.` keep their ECMAScript meaning (see `ecmascriptClassesForRe2`; RE2's own
 * are ASCII-only and exclude only `\n`).
 *
 * @example
 * ```ts
 * compileLinearRegExp('^(a+)+$').test(`${'a'.repeat(10_000)}!`); // false, in about 3 ms
 * compileLinearRegExp('(a)\\1'); // throws: backreferences are not supported ...
 * ```
 */
export function compileLinearRegExp(source: string, flags = 'u'): LinearRegExp {
  const key = `${flags}/${source}`;
  const known = cache.get(key);
  if (known) return known;
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new SyntaxError(
      `Invalid regular expression: /${source.slice(0, 100)}.../${flags}: patterns longer than ${MAX_PATTERN_LENGTH} characters are not supported by the linear-time regex engine (RE2) that runs schema patterns (this one has ${source.length})`,
    );
  }
  // ECMAScript syntax first: V8 compiles without matching (linear) and words the error.
  new RegExp(source, flags);
  let re2: RE2JS;
  try {
    let re2Flags = 0;
    for (const flag of flags) re2Flags |= RE2_FLAGS[flag] ?? 0;
    re2 = RE2JS.compile(
      ecmascriptClassesForRe2(RE2JS.translateRegExp(unicodePropertyNamesForRe2(source)), flags),
      re2Flags,
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(
      `Invalid regular expression: /${source}/${flags}: ${unsupportedReason(source, detail)}`,
    );
  }
  const compiled: LinearRegExp = {
    source,
    flags,
    test: (input) => re2.test(input),
    toString: () => `/${source}/${flags}`,
  };
  cache.set(key, compiled);
  return compiled;
}

/**
 * {@link compileLinearRegExp} as ajv's `code.regExp` engine. `code` names the engine in
 * standalone code, which the registry never generates (validators are compiled in process).
 */
export const linearRegExpEngine: RegExpEngine = Object.assign(
  (source: string, flags: string) => compileLinearRegExp(source, flags),
  { code: 'compileLinearRegExp' },
);

/** Why RE2 refuses a valid ECMAScript pattern, in the schema author's terms. */
function unsupportedReason(source: string, detail: string): string {
  const cause = detail.replace(/^error parsing regexp: /, '');
  let reason: string;
  if (/\\[1-9]|\\k</.test(source)) reason = 'backreferences are not supported';
  else if (/\(\?<?[=!]/.test(source)) reason = 'lookahead and lookbehind are not supported';
  else if (cause.startsWith('invalid repeat count'))
    reason = 'repeat counts above 1000 are not supported';
  else reason = 'not supported';
  return `${reason} by the linear-time regex engine (RE2) that runs schema patterns (${cause})`;
}
