/** Stable codes of {@link SignatureError}. */
export type SignatureErrorCode =
  /** The text does not follow the grammar: `expected` lists what the parser wanted. */
  | 'SIGNATURE_SYNTAX'
  /** A type name is not known: `typeName` is it, `known` lists the known ones. */
  | 'SIGNATURE_UNKNOWN_TYPE'
  /** A known type used wrongly: wrong number or kind of arguments, a non-`str` dict key. */
  | 'SIGNATURE_INVALID_TYPE'
  /** A field or signature name is not an identifier (or is reserved). */
  | 'SIGNATURE_INVALID_NAME'
  /** Two fields (inputs and outputs together) share a name. */
  | 'SIGNATURE_DUPLICATE_FIELD'
  /** A constraint is unknown, does not apply to the type, or has a bad value. */
  | 'SIGNATURE_INVALID_CONSTRAINT'
  /** A field is marked tunable but its type has no finite set or range of values. */
  | 'SIGNATURE_NOT_TUNABLE'
  /** The signature text, field count or literal list is over a limit. */
  | 'SIGNATURE_TOO_LARGE'
  /** Types are nested deeper than the limit. */
  | 'SIGNATURE_TOO_DEEP';

/** Where and what went wrong, beyond the message. */
export interface SignatureErrorDetails {
  /** 1-based line in the signature text; absent for builder errors. */
  line?: number;
  /** 1-based column (in code points) in the signature text; absent for builder errors. */
  column?: number;
  /** For syntax errors: what the parser would have accepted at that point. */
  expected?: string[];
  /** Field path such as `outputs.answer`, when the error concerns one field. */
  path?: string;
  /** For unknown types: the name as written. */
  typeName?: string;
  /** For unknown types: the type names that are known in this form. */
  known?: string[];
}

/**
 * The one error type of signature parsing, building and compiling. `code` is stable; text
 * errors carry a 1-based `line` and `column`, syntax errors the list of `expected` tokens.
 *
 * @example
 * try {
 *   parseSignatureOrThrow('question -> answer: strng');
 * } catch (error) {
 *   if (error instanceof SignatureError) console.log(error.code, error.line, error.column);
 *   // SIGNATURE_UNKNOWN_TYPE 1 21
 * }
 */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  readonly code: SignatureErrorCode;
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string[];
  readonly path?: string;
  readonly typeName?: string;
  readonly known?: string[];

  constructor(code: SignatureErrorCode, message: string, details: SignatureErrorDetails = {}) {
    const where =
      details.line === undefined ? '' : ` (line ${details.line}, column ${details.column})`;
    super(`${message}${where}`);
    this.code = code;
    for (const key of Object.keys(details) as (keyof SignatureErrorDetails)[]) {
      if (details[key] !== undefined) Object.assign(this, { [key]: details[key] });
    }
  }

  /** A plain JSON form for APIs: `{ code, message, line?, column?, expected?, ... }`. */
  toJSON(): { code: SignatureErrorCode; message: string } & SignatureErrorDetails {
    const { code, message, line, column, expected, path, typeName, known } = this;
    return JSON.parse(
      JSON.stringify({ code, message, line, column, expected, path, typeName, known }),
    );
  }
}
