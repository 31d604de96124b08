import type { FieldDefinition } from './create-field.js';
import type { FieldType } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import type { ParsedFields } from './parse-dspy-signature.js';
import { parseFieldExtras } from './parse-field-extras.js';
import { parseTypeArgs } from './parse-type-args.js';
import { resolveType } from './resolve-type.js';
import type { FieldRole } from './signature.js';
import type { SignatureCursor } from './signature-cursor.js';
import { SignatureError } from './signature-error.js';

const TYPE_ATOM = 'type atom such as :string';

/**
 * Parses the atom form: `signature NAME ["instructions"]: inputs -> outputs`, each a
 * comma-separated list of `:type name [{constraints}] ["description"]`.
 */
export function parseAtomSignature(cursor: SignatureCursor): ParsedFields {
  cursor.ident("'signature'");
  const name = cursor.ident('signature name').text;
  let instructions: string | undefined;
  if (cursor.token.kind === 'string') instructions = cursor.take().text;
  cursor.expect(':', instructions === undefined ? ['instructions string', "':'"] : ["':'"]);
  let pending: string[] = [];
  const inputs: FieldDefinition[] = [];
  const outputs: FieldDefinition[] = [];
  const list = (role: FieldRole, into: FieldDefinition[]) => {
    do pending = parseAtomField(cursor, role, into, inputs.length + outputs.length);
    while (cursor.eat(','));
  };
  if (cursor.token.kind !== 'arrow' && !cursor.isPunct(':')) cursor.fail([TYPE_ATOM, "'->'"]);
  if (cursor.token.kind !== 'arrow') list('input', inputs);
  if (cursor.token.kind !== 'arrow')
    cursor.failArrow(inputs.length > 0 ? [...pending, "','", "'->'"] : [TYPE_ATOM, "'->'"]);
  cursor.take();
  list('output', outputs);
  if (cursor.token.kind === 'arrow')
    cursor.fail(
      [...pending, "','", 'end of input'],
      "a signature has exactly one '->'; found a second one",
    );
  if (cursor.token.kind !== 'end') cursor.fail([...pending, "','", 'end of input']);
  return instructions === undefined
    ? { name, inputs, outputs }
    : { name, instructions, inputs, outputs };
}

/** Reads one field into `into`; returns what it could still have taken. */
function parseAtomField(
  cursor: SignatureCursor,
  role: FieldRole,
  into: FieldDefinition[],
  count: number,
): string[] {
  const start = cursor.token;
  if (count >= SIGNATURE_LIMITS.fields)
    throw new SignatureError(
      'SIGNATURE_TOO_LARGE',
      `a signature has at most ${SIGNATURE_LIMITS.fields} fields`,
      {
        line: start.line,
        column: start.column,
      },
    );
  const type = parseAtomType(cursor, 1);
  const token = cursor.ident('field name');
  const definition: FieldDefinition = {
    name: token.text,
    role,
    type,
    line: token.line,
    column: token.column,
  };
  const extras = parseFieldExtras(cursor);
  if (extras.constraints) definition.constraints = extras.constraints;
  if (extras.tunable) definition.tunable = extras.tunable;
  if (extras.description !== undefined) definition.description = extras.description;
  into.push(definition);
  return extras.pending;
}

function parseAtomType(cursor: SignatureCursor, depth: number): FieldType {
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
  cursor.expect(':', [TYPE_ATOM]);
  const name = cursor.ident('type name').text;
  const args = cursor.eat('(')
    ? parseTypeArgs(cursor, 'atom', ')', () => parseAtomType(cursor, depth + 1))
    : undefined;
  return resolveType('atom', name, args, start, cursor.customTypes);
}
