import { createField } from './create-field.js';
import { createSignature, isCreatedSignature } from './create-signature.js';
import { SIGNATURE_LIMITS } from './limits.js';
import type { FieldRole, Signature, SignatureField, TunableSpec } from './signature.js';
import { SignatureError } from './signature-error.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(message: string, path?: string): never {
  throw new SignatureError('SIGNATURE_INVALID_TYPE', message, path === undefined ? {} : { path });
}

function readFields(value: unknown, role: FieldRole): SignatureField[] {
  const path = `${role}s`;
  if (!Array.isArray(value)) return invalid(`${path} must be an array`, path);
  if (value.length > SIGNATURE_LIMITS.fields)
    throw new SignatureError(
      'SIGNATURE_TOO_LARGE',
      `a signature has at most ${SIGNATURE_LIMITS.fields} fields`,
      { path },
    );
  return value.map((field, i) => {
    if (!isObject(field)) return invalid(`${path}[${i}] must be an object`, `${path}.${i}`);
    const { name, type, description, prefix, tunable } = field;
    if (tunable !== undefined && !isObject(tunable))
      return invalid('tunable must be an object', `${path}.${String(name)}`);
    return createField({
      name: name as string,
      role,
      type: type as never,
      ...(description === undefined ? {} : { description: description as string }),
      ...(prefix === undefined ? {} : { prefix: prefix as string }),
      ...(tunable === undefined ? {} : { tunable: tunable as TunableSpec }),
    });
  });
}

/**
 * Reads a signature from plain JSON, such as a stored `Signature` (`JSON.stringify` of one), and
 * checks it as strictly as the parser and builder do. Signatures this package created are
 * returned as they are.
 *
 * @example
 * const stored = JSON.stringify(parseSignatureOrThrow('q -> a: int'));
 * const again = signatureFromJson(JSON.parse(stored));
 */
export function signatureFromJson(json: unknown): Signature {
  if (isCreatedSignature(json)) return json;
  if (!isObject(json)) return invalid('a signature must be an object');
  const { name, instructions, instructionCandidates } = json;
  if (instructions !== undefined && typeof instructions !== 'string')
    return invalid('instructions must be a string', 'instructions');
  const candidates = instructionCandidates ?? [];
  if (
    !Array.isArray(candidates) ||
    candidates.length > SIGNATURE_LIMITS.fields ||
    candidates.some((c) => typeof c !== 'string')
  )
    return invalid(
      `instructionCandidates must be at most ${SIGNATURE_LIMITS.fields} strings`,
      'instructionCandidates',
    );
  return createSignature({
    name: name as string,
    ...(instructions === undefined ? {} : { instructions }),
    instructionCandidates: candidates as string[],
    inputs: readFields(json.inputs, 'input'),
    outputs: readFields(json.outputs, 'output'),
  });
}
