/** Where and why a JSON text is malformed. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/**
 * Finds the first syntax error of a JSON text (RFC 8259) with its line and column.
 * Used only after `JSON.parse` failed, because V8's messages do not always give a position.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const stack: number[] = []; // 123 '{' or 91 '['
  let i = 0;
  // What the grammar expects next.
  let state: 'value' | 'key' | 'afterValue' | 'colon' | 'firstKeyOrEnd' | 'firstValueOrEnd' =
    'value';
  const fail = (offset: number, message: string): JsonSyntaxProblem => ({
    offset,
    ...lineColumnAt(text, offset),
    message,
  });
  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const scanString = (): JsonSyntaxProblem | undefined => {
    i++;
    for (;;) {
      if (i >= text.length) return fail(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 32) return fail(i, 'control character in string must be escaped');
      if (c === 92) {
        ESCAPE.lastIndex = i + 1;
        if (!ESCAPE.test(text)) return fail(i, 'invalid escape sequence in string');
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  for (;;) {
    skipWhitespace();
    const c = text.charCodeAt(i);
    if (i >= text.length) {
      if (state === 'afterValue' && stack.length === 0) return undefined;
      return fail(i, 'unexpected end of JSON input');
    }
    if (state === 'afterValue') {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(i, 'unexpected content after the JSON value');
      if (c === 44) {
        i++;
        state = top === 123 ? 'key' : 'value';
      } else if ((c === 125 && top === 123) || (c === 93 && top === 91)) {
        i++;
        stack.pop();
      } else return fail(i, top === 123 ? "expected ',' or '}'" : "expected ',' or ']'");
      continue;
    }
    if (state === 'colon') {
      if (c !== 58) return fail(i, "expected ':' after property name");
      i++;
      state = 'value';
      continue;
    }
    if (state === 'key' || state === 'firstKeyOrEnd') {
      if (state === 'firstKeyOrEnd' && c === 125) {
        i++;
        stack.pop();
        state = 'afterValue';
        continue;
      }
      if (c !== 34) return fail(i, 'expected a double-quoted property name');
      const problem = scanString();
      if (problem) return problem;
      state = 'colon';
      continue;
    }
    if (state === 'firstValueOrEnd' && c === 93) {
      i++;
      stack.pop();
      state = 'afterValue';
      continue;
    }
    if (c === 123 || c === 91) {
      stack.push(c);
      i++;
      state = c === 123 ? 'firstKeyOrEnd' : 'firstValueOrEnd';
      continue;
    }
    if (c === 34) {
      const problem = scanString();
      if (problem) return problem;
      state = 'afterValue';
      continue;
    }
    NUMBER.lastIndex = i;
    LITERAL.lastIndex = i;
    if ((c === 45 || (c >= 48 && c <= 57)) && NUMBER.test(text)) i = NUMBER.lastIndex;
    else if (LITERAL.test(text)) i = LITERAL.lastIndex;
    else return fail(i, 'expected a JSON value');
    state = 'afterValue';
  }
}
