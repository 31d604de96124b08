import { checkFieldType } from './check-field-type.js';
import { constrainType, type FieldConstraints } from './constrain-type.js';
import type { FieldType } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import type { FieldRole, SignatureField, TunableSpec } from './signature.js';
import { SignatureError, type SignatureErrorDetails } from './signature-error.js';
import { tunableVariable } from './tunable-variable.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a field is made of, from text or from the builder. */
export interface FieldDefinition {
  name: string;
  role: FieldRole;
  type: FieldType;
  description?: string;
  prefix?: string;
  constraints?: FieldConstraints;
  tunable?: TunableSpec;
  /** Position in signature text, for messages. */
  line?: number;
  column?: number;
}

/** Checks an identifier used as a signature or field name; throws `SIGNATURE_INVALID_NAME`. */
export function checkName(name: unknown, what: string, where: SignatureErrorDetails): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > SIGNATURE_LIMITS.name)
    throw new SignatureError(
      'SIGNATURE_INVALID_NAME',
      `${what} ${JSON.stringify(String(name).slice(0, 40))} must be letters, digits and _ (not starting with a digit), at most ${SIGNATURE_LIMITS.name} characters`,
      where,
    );
  // Used as a JSON object key, "__proto__" would change the prototype instead of adding a key.
  if (name === '__proto__')
    throw new SignatureError('SIGNATURE_INVALID_NAME', `${what} "__proto__" is reserved`, where);
  return name;
}

/**
 * Validates one field definition (name, type, constraints, depth, tunable annotation) and
 * returns the field (frozen later with its signature). `trusted` skips re-checking a type the
 * parser built. Errors carry the definition's line/column when it came from text and its
 * `inputs.x`/`outputs.x` path always.
 */
export function createField(definition: FieldDefinition, trusted = false): SignatureField {
  const { role, line, column } = definition;
  const where: SignatureErrorDetails = {
    line,
    column,
    path: `${role}s.${String(definition.name)}`,
  };
  const name = checkName(definition.name, 'field name', where);
  // The parser builds only valid types; anything else (builder arguments, JSON) is checked.
  const checked = trusted ? definition.type : checkFieldType(definition.type, where);
  const type = definition.constraints
    ? constrainType(checked, definition.constraints, where)
    : checked;
  const field: SignatureField = { name, role, type };
  for (const key of ['description', 'prefix'] as const) {
    const value = definition[key];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      throw new SignatureError('SIGNATURE_INVALID_CONSTRAINT', `${key} must be a string`, where);
    field[key] = value;
  }
  if (definition.tunable) {
    tunableVariable(name, type, definition.tunable, { metadata: {}, where });
    field.tunable = { ...definition.tunable };
  }
  if (line !== undefined) {
    field.line = line;
    field.column = column;
  }
  return field;
}
