import { checkName } from './create-field.js';
import { SIGNATURE_LIMITS } from './limits.js';
import type { Signature, SignatureField } from './signature.js';
import { SignatureError } from './signature-error.js';

/** The parts of a signature before validation. */
export interface SignatureParts {
  name: string;
  instructions?: string;
  instructionCandidates?: readonly string[];
  inputs: readonly SignatureField[];
  outputs: readonly SignatureField[];
}

/** Signatures made here, so compiling them skips re-validation. */
const CREATED = new WeakSet<object>();

/** True when `value` is a signature this package created (and so is valid and frozen). */
export function isCreatedSignature(value: unknown): value is Signature {
  return typeof value === 'object' && value !== null && CREATED.has(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Checks the signature-level rules (a valid name, at least one output, distinct field names
 * across inputs and outputs, the field limit) and returns the frozen signature.
 */
export function createSignature(parts: SignatureParts): Signature {
  const name = checkName(parts.name, 'signature name', {});
  const fields = [...parts.inputs, ...parts.outputs];
  if (fields.length > SIGNATURE_LIMITS.fields)
    throw new SignatureError(
      'SIGNATURE_TOO_LARGE',
      `a signature has at most ${SIGNATURE_LIMITS.fields} fields, found ${fields.length}`,
    );
  if (parts.outputs.length === 0)
    throw new SignatureError(
      'SIGNATURE_SYNTAX',
      `signature "${name}" needs at least one output field`,
      {
        expected: ['output field'],
      },
    );
  const seen = new Map<string, SignatureField>();
  for (const field of fields) {
    const first = seen.get(field.name);
    if (first) {
      const at =
        first.line === undefined ? '' : ` (first at line ${first.line}, column ${first.column})`;
      throw new SignatureError(
        'SIGNATURE_DUPLICATE_FIELD',
        `field "${field.name}" is declared twice: input and output names must be distinct${at}`,
        { line: field.line, column: field.column, path: `${field.role}s.${field.name}` },
      );
    }
    seen.set(field.name, field);
  }
  for (const text of [parts.instructions, ...(parts.instructionCandidates ?? [])]) {
    if (text !== undefined && typeof text !== 'string')
      throw new SignatureError('SIGNATURE_INVALID_CONSTRAINT', 'instructions must be strings');
  }
  const signature: Signature = {
    name,
    instructionCandidates: [...new Set(parts.instructionCandidates ?? [])],
    inputs: [...parts.inputs],
    outputs: [...parts.outputs],
  };
  if (parts.instructions !== undefined) signature.instructions = parts.instructions;
  CREATED.add(deepFreeze(signature));
  return signature;
}
