import { RE2JS } from 're2js';
import { HandlerError } from './handler-error.js';

/** Longest JSONata regex accepted; re2js compiles in time that grows fast with pattern length. */
export const MAX_JSONATA_PATTERN_LENGTH = 1_000;

const FLAGS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

/**
 * A stand-in for `RegExp` that JSONata uses for regex literals (its `RegexEngine` option),
 * matching on RE2 (`re2js`) in time linear in the input. JSONata's time guard runs between
 * evaluation steps and cannot interrupt one backtracking `RegExp#exec`, so `/(a+)+$/` over a long
 * string would freeze the process; on RE2 it cannot. Backreferences and lookaround, which RE2
 * lacks, are refused as `INVALID_INPUT`.
 *
 * JSONata calls only `new RegexEngine(regexp)`, `lastIndex` and `exec`.
 */
export class LinearRegExpEngine {
  lastIndex = 0;
  readonly #re: RE2JS;

  constructor(regexp: RegExp) {
    if (regexp.source.length > MAX_JSONATA_PATTERN_LENGTH) {
      throw patternError(regexp, `longer than ${MAX_JSONATA_PATTERN_LENGTH} characters`);
    }
    let flags = 0;
    for (const flag of regexp.flags) flags |= FLAGS[flag] ?? 0;
    try {
      this.#re = RE2JS.compile(regexp.source, flags);
    } catch (error) {
      throw patternError(regexp, (error as Error).message);
    }
  }

  exec(input: string): RegExpExecArray | null {
    const matcher = this.#re.matcher(input);
    if (this.lastIndex > input.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= matcher.groupCount(); g++) groups.push(matcher.group(g) ?? undefined);
    const result = groups as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = input;
    this.lastIndex = matcher.end();
    return result;
  }
}

function patternError(regexp: RegExp, reason: string): HandlerError {
  return new HandlerError(
    'INVALID_INPUT',
    `json.transform regex /${regexp.source.slice(0, 100)}/ is not supported: ${reason}`,
    {
      retryable: false,
      details: { path: '/config/expression', pattern: regexp.source.slice(0, 1_000) },
    },
  );
}
