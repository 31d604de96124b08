import { CONSTRAINT_NAMES, type FieldConstraints } from './constrain-type.js';
import type { FieldType, LiteralValue } from './field-type.js';
import type { TunableSpec } from './signature.js';
import type { SignatureCursor } from './signature-cursor.js';
import { SignatureError } from './signature-error.js';

/** What may follow a field's type in text: a constraint block and a description. */
export interface FieldExtras {
  constraints?: FieldConstraints;
  tunable?: TunableSpec;
  description?: string;
  /** What the field could still have taken, for the next syntax error's `expected`. */
  pending: string[];
}

const TUNABLE_KEYS = ['tunable', 'default', 'step', 'log'];
const BLOCK_KEYS = [...Object.keys(CONSTRAINT_NAMES), ...TUNABLE_KEYS];
const BOOLEANS: Record<string, boolean> = { true: true, false: false, True: true, False: false };

/** Reads a number token's value, refusing ones that overflow to infinity. */
export function readNumber(cursor: SignatureCursor): number {
  const token = cursor.token;
  const value = Number(token.text);
  if (!Number.isFinite(value))
    cursor.fail(['finite number'], `number ${token.text.slice(0, 40)} is out of range`);
  cursor.take();
  return value;
}

/**
 * Reads the optional `{ key: value, flag }` constraint block and the optional quoted
 * description after a field's type (both forms share them).
 */
export function parseFieldExtras(cursor: SignatureCursor): FieldExtras {
  const extras: FieldExtras = { pending: [] };
  if (cursor.isPunct('{')) parseBlock(cursor, extras);
  else extras.pending.push("'{'");
  if (cursor.token.kind === 'string') extras.description = cursor.take().text;
  else extras.pending.push('description string');
  return extras;
}

function parseBlock(cursor: SignatureCursor, extras: FieldExtras): void {
  cursor.take();
  const constraints: Record<string, unknown> = {};
  const tunable: Record<string, unknown> = {};
  const seen = new Set<string>();
  let marked: boolean | undefined;
  if (cursor.eat('}')) return;
  for (;;) {
    const key = cursor.ident('constraint name');
    if (!BLOCK_KEYS.includes(key.text))
      throw new SignatureError(
        'SIGNATURE_INVALID_CONSTRAINT',
        `unknown constraint "${key.text.slice(0, 40)}"; known: ${BLOCK_KEYS.join(', ')}`,
        { line: key.line, column: key.column, expected: BLOCK_KEYS },
      );
    if (seen.has(key.text))
      throw new SignatureError(
        'SIGNATURE_INVALID_CONSTRAINT',
        `constraint "${key.text}" is given twice`,
        {
          line: key.line,
          column: key.column,
        },
      );
    seen.add(key.text);
    const value = cursor.eat(':') ? parseBlockValue(cursor) : true;
    if (key.text === 'tunable') marked = value !== false;
    else if (TUNABLE_KEYS.includes(key.text)) tunable[key.text] = value;
    else constraints[CONSTRAINT_NAMES[key.text]!] = value;
    if (cursor.eat(',')) continue;
    cursor.expect('}', ["','", "'}'"]);
    break;
  }
  if (Object.keys(constraints).length > 0) extras.constraints = constraints as FieldConstraints;
  // default/step/log describe the variable, so they only make sense on a tunable field.
  if (marked !== false && (marked || Object.keys(tunable).length > 0))
    extras.tunable = tunable as TunableSpec;
}

function parseBlockValue(cursor: SignatureCursor): LiteralValue {
  const token = cursor.token;
  if (token.kind === 'number') return readNumber(cursor);
  if (token.kind === 'string') return cursor.take().text;
  if (token.kind === 'ident' && Object.hasOwn(BOOLEANS, token.text))
    return BOOLEANS[cursor.take().text]!;
  return cursor.fail(['number', 'string', 'true', 'false']);
}

/** Wraps the field type for the `FieldDefinition` when the type is absent (DSPy default `str`). */
export const DEFAULT_TYPE: FieldType = Object.freeze({ kind: 'string' });
