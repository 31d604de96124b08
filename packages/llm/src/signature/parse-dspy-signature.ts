import type { FieldDefinition } from './create-field.js';
import type { FieldType } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { DEFAULT_TYPE, parseFieldExtras } from './parse-field-extras.js';
import { parseTypeArgs } from './parse-type-args.js';
import { resolveType, type TypeArg } from './resolve-type.js';
import type { FieldRole } from './signature.js';
import type { SignatureCursor } from './signature-cursor.js';
import { SignatureError } from './signature-error.js';

/** The fields of a DSPy-form signature, before signature-level checks. */
export interface ParsedFields {
  inputs: FieldDefinition[];
  outputs: FieldDefinition[];
  /** The atom form's name and instructions; absent in the DSPy form. */
  name?: string;
  instructions?: string;
}

/**
 * Parses the DSPy form: `inputs -> outputs`, each a comma-separated list of
 * `name [: type] [{constraints}] ["description"]`; the type defaults to `str`.
 */
export function parseDspySignature(cursor: SignatureCursor): ParsedFields {
  const inputs = cursor.token.kind === 'arrow' ? [] : parseFieldList(cursor, 'input');
  const beforeArrow = inputs.length > 0 ? [...pendingOf(inputs), "','"] : ['field name'];
  if (cursor.token.kind !== 'arrow') cursor.failArrow([...beforeArrow, "'->'"]);
  cursor.take();
  const outputs = parseFieldList(cursor, 'output');
  if (cursor.token.kind === 'arrow')
    cursor.fail(
      [...pendingOf(outputs), "','", 'end of input'],
      "a signature has exactly one '->'; found a second one",
    );
  if (cursor.token.kind !== 'end') cursor.fail([...pendingOf(outputs), "','", 'end of input']);
  return { inputs, outputs };
}

const PENDING = new WeakMap<FieldDefinition, string[]>();
function pendingOf(fields: FieldDefinition[]): string[] {
  return PENDING.get(fields[fields.length - 1]!) ?? [];
}

function parseFieldList(cursor: SignatureCursor, role: FieldRole): FieldDefinition[] {
  const fields: FieldDefinition[] = [];
  do {
    const token = cursor.ident('field name');
    const definition: FieldDefinition = {
      name: token.text,
      role,
      type: DEFAULT_TYPE,
      line: token.line,
      column: token.column,
    };
    const pending: string[] = [];
    if (cursor.eat(':')) definition.type = parseDspyType(cursor, 1);
    else pending.push("':'");
    const extras = parseFieldExtras(cursor);
    if (extras.constraints) definition.constraints = extras.constraints;
    if (extras.tunable) definition.tunable = extras.tunable;
    if (extras.description !== undefined) definition.description = extras.description;
    PENDING.set(definition, [...pending, ...extras.pending]);
    fields.push(definition);
    if (fields.length > SIGNATURE_LIMITS.fields)
      throw new SignatureError(
        'SIGNATURE_TOO_LARGE',
        `a signature has at most ${SIGNATURE_LIMITS.fields} fields`,
        {
          line: token.line,
          column: token.column,
        },
      );
  } while (cursor.eat(','));
  return fields;
}

/** A type, or a PEP 604 union of types and `None` (`int | None` is `Optional[int]`). */
function parseDspyType(cursor: SignatureCursor, depth: number): FieldType {
  const start = cursor.token;
  const first = parseDspyMember(cursor, depth);
  if (!cursor.isPunct('|')) {
    if (first === null)
      throw new SignatureError(
        'SIGNATURE_INVALID_TYPE',
        'None is only a type inside a union such as int | None',
        {
          line: start.line,
          column: start.column,
        },
      );
    return first;
  }
  const args: TypeArg[] = [];
  const push = (type: FieldType | null, at: { line: number; column: number }) =>
    args.push(
      type === null
        ? { kind: 'value', value: null, line: at.line, column: at.column }
        : { kind: 'type', type, line: at.line, column: at.column },
    );
  push(first, start);
  while (cursor.eat('|')) {
    const at = cursor.token;
    push(parseDspyMember(cursor, depth), at);
  }
  return resolveType('dspy', 'Union', args, start);
}

/** One named type with its bracketed arguments, or `null` for `None`. */
function parseDspyMember(cursor: SignatureCursor, depth: number): FieldType | null {
  const start = cursor.token;
  if (depth > SIGNATURE_LIMITS.depth)
    throw new SignatureError(
      'SIGNATURE_TOO_DEEP',
      `types nest deeper than ${SIGNATURE_LIMITS.depth} levels`,
      {
        line: start.line,
        column: start.column,
      },
    );
  let name = cursor.ident('type name').text;
  if (name === 'None' && !cursor.isPunct('.')) return null;
  // Dotted names (dspy.Image, module.Class) are read whole so the unknown-type error names them.
  while (cursor.eat('.')) name += `.${cursor.ident('name').text}`;
  const args = cursor.eat('[')
    ? parseTypeArgs(cursor, 'dspy', ']', () => parseDspyType(cursor, depth + 1))
    : undefined;
  return resolveType('dspy', name, args, start, cursor.customTypes);
}
