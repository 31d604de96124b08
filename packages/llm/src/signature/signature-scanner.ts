import { SignatureError } from './signature-error.js';

/** Kinds of token in signature text. */
export type TokenKind = 'ident' | 'number' | 'string' | 'arrow' | 'punct' | 'invalid' | 'end';

/** One token with its 1-based position (columns count code points). */
export interface Token {
  kind: TokenKind;
  /** The source text (for `string`, the decoded value; for `number`, the digits). */
  text: string;
  line: number;
  column: number;
}

const PUNCT = new Set([',', ':', '[', ']', '(', ')', '{', '}', '.', '|']);
/** ASCII letter or `_` (char codes; this is the scanner's hot path). */
function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57);
}

function mayStartNumber(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 45 || code === 46;
}
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Human names of token kinds, for `expected` lists. */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  if (token.kind === 'string') return `string ${JSON.stringify(token.text.slice(0, 40))}`;
  return `'${token.text.slice(0, 40)}'`;
}

/**
 * A pull scanner over signature text: `next()` returns one token at a time, so errors are
 * reported by the parser, which knows what it expected. Whitespace and newlines separate
 * tokens; anything unknown becomes an `invalid` token of one code point.
 */
export class SignatureScanner {
  #text: string;
  #index = 0;
  #line = 1;
  #column = 1;

  constructor(text: string) {
    this.#text = text;
  }

  next(): Token {
    this.#skipSpace();
    const text = this.#text;
    const start = this.#index;
    const at = { line: this.#line, column: this.#column };
    if (start >= text.length) return { kind: 'end', text: '', ...at };
    const ch = text[start]!;
    if (ch === '-' && text[start + 1] === '>') {
      this.#advance(2);
      return { kind: 'arrow', text: '->', ...at };
    }
    const code = text.charCodeAt(start);
    if (isIdentStart(code)) {
      let end = start + 1;
      while (end < text.length && isIdentPart(text.charCodeAt(end))) end++;
      // Identifiers are ASCII, so code units and columns advance together.
      this.#index = end;
      this.#column += end - start;
      return { kind: 'ident', text: text.slice(start, end), ...at };
    }
    if (mayStartNumber(code)) {
      NUMBER.lastIndex = start;
      const number = NUMBER.exec(text);
      if (number && (ch !== '.' || number[0].length > 1)) {
        this.#advance(number[0].length);
        return { kind: 'number', text: number[0], ...at };
      }
    }
    if (ch === '"' || ch === "'") return { kind: 'string', text: this.#string(ch, at), ...at };
    if (PUNCT.has(ch)) {
      this.#advance(1);
      return { kind: 'punct', text: ch, ...at };
    }
    const codePoint = String.fromCodePoint(text.codePointAt(start)!);
    this.#advance(codePoint.length);
    return { kind: 'invalid', text: codePoint, ...at };
  }

  #string(quote: string, at: { line: number; column: number }): string {
    const text = this.#text;
    let out = '';
    this.#advance(1);
    while (this.#index < text.length) {
      const ch = text[this.#index]!;
      if (ch === quote) {
        this.#advance(1);
        return out;
      }
      if (ch === '\n') break;
      if (ch === '\\') {
        const escaped = ESCAPES[text[this.#index + 1] ?? ''];
        if (escaped === undefined)
          throw new SignatureError('SIGNATURE_SYNTAX', 'unknown escape in string', {
            line: this.#line,
            column: this.#column,
            expected: ['\\n', '\\t', '\\r', '\\\\', "\\'", '\\"'],
          });
        out += escaped;
        this.#advance(2);
        continue;
      }
      const codePoint = String.fromCodePoint(text.codePointAt(this.#index)!);
      out += codePoint;
      this.#advance(codePoint.length);
    }
    throw new SignatureError('SIGNATURE_SYNTAX', 'unterminated string', {
      ...at,
      expected: [`closing ${quote}`],
    });
  }

  #skipSpace(): void {
    const text = this.#text;
    while (this.#index < text.length) {
      const ch = text[this.#index]!;
      if (ch === '\n') {
        this.#index++;
        this.#line++;
        this.#column = 1;
      } else if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.#advance(1);
      } else if (ch === '#') {
        // Comments run to the end of the line, so long signatures can be annotated.
        while (this.#index < text.length && text[this.#index] !== '\n')
          this.#advance(text.codePointAt(this.#index)! > 0xffff ? 2 : 1);
      } else return;
    }
  }

  /** Moves over `units` UTF-16 code units, counting a surrogate pair as one column. */
  #advance(units: number): void {
    const text = this.#text;
    const end = this.#index + units;
    while (this.#index < end) {
      const code = text.charCodeAt(this.#index);
      this.#index += code >= 0xd800 && code <= 0xdbff && this.#index + 1 < end ? 2 : 1;
      this.#column++;
    }
  }
}
