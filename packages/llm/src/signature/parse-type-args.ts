import type { FieldType, LiteralValue } from './field-type.js';
import { readNumber } from './parse-field-extras.js';
import type { SignatureForm, TypeArg } from './resolve-type.js';
import type { SignatureCursor } from './signature-cursor.js';

/** Identifiers that are values rather than type names, per form. */
const VALUE_IDENTS: Record<SignatureForm, Record<string, LiteralValue | null>> = {
  dspy: { None: null, True: true, False: false },
  atom: { nil: null, _: null, true: true, false: false },
};

/**
 * Reads `arg (',' arg)* close` after an opening bracket: each argument a type (read with
 * `parseType`) or a literal value.
 */
export function parseTypeArgs(
  cursor: SignatureCursor,
  form: SignatureForm,
  close: string,
  parseType: () => FieldType,
): TypeArg[] {
  const args: TypeArg[] = [];
  // An empty list is read so the type reports it (`tensor[]` is a scalar, `list[]` an error).
  if (cursor.eat(close)) return args;
  for (;;) {
    const token = cursor.token;
    const at = { line: token.line, column: token.column };
    const values = VALUE_IDENTS[form];
    if (token.kind === 'number') args.push({ kind: 'value', value: readNumber(cursor), ...at });
    else if (token.kind === 'string')
      args.push({ kind: 'value', value: cursor.take().text, ...at });
    else if (token.kind === 'ident' && Object.hasOwn(values, token.text))
      args.push({ kind: 'value', value: values[cursor.take().text]!, ...at });
    else if (form === 'dspy' ? token.kind === 'ident' : cursor.isPunct(':'))
      args.push({ kind: 'type', type: parseType(), ...at });
    else cursor.fail([form === 'dspy' ? 'type name' : 'type atom', 'value']);
    if (cursor.eat(',')) continue;
    cursor.expect(close, ["','", `'${close}'`]);
    return args;
  }
}
