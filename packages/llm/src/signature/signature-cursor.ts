import type { CustomTypes } from './resolve-type.js';
import { SignatureError } from './signature-error.js';
import { describeToken, SignatureScanner, type Token } from './signature-scanner.js';

/** A one-token lookahead over signature text with syntax-error helpers. */
export class SignatureCursor {
  #scanner: SignatureScanner;
  #token: Token;

  /** Caller-supplied types the parsers resolve after the built-in ones. */
  readonly customTypes: CustomTypes;

  constructor(text: string, customTypes: CustomTypes = new Map()) {
    this.customTypes = customTypes;
    this.#scanner = new SignatureScanner(text);
    this.#token = this.#scanner.next();
  }

  /** The current (not yet taken) token. */
  get token(): Token {
    return this.#token;
  }

  take(): Token {
    const token = this.#token;
    this.#token = this.#scanner.next();
    return token;
  }

  isPunct(text: string): boolean {
    return this.#token.kind === 'punct' && this.#token.text === text;
  }

  /** Takes the punctuation `text` if it is next. */
  eat(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.take();
    return true;
  }

  /** Takes the punctuation `text` or fails, expecting `expected` (`'text'` by default). */
  expect(text: string, expected: string[] = [`'${text}'`]): Token {
    if (!this.isPunct(text)) this.fail(expected);
    return this.take();
  }

  /** Takes an identifier or fails, describing it as `what`. */
  ident(what: string): Token {
    if (this.#token.kind !== 'ident') this.fail([what]);
    return this.take();
  }

  /** Fails where `->` was due: with a plain message when the text simply ended without one. */
  failArrow(expected: string[]): never {
    return this.fail(
      expected,
      this.#token.kind === 'end'
        ? "missing '->': a signature is inputs -> outputs, with exactly one '->'"
        : undefined,
    );
  }

  /** Throws `SIGNATURE_SYNTAX` at the current token. */
  fail(expected: string[], message?: string): never {
    const token = this.#token;
    const found =
      token.kind === 'invalid' && !/^\P{C}$/u.test(token.text)
        ? `character U+${token.text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
        : describeToken(token);
    throw new SignatureError(
      'SIGNATURE_SYNTAX',
      message ?? `expected ${expected.join(' or ')}, found ${found}`,
      { line: token.line, column: token.column, expected },
    );
  }
}
