import { createField } from './create-field.js';
import { createSignature } from './create-signature.js';
import { prepareCustomTypes } from './custom-types.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { parseAtomSignature } from './parse-atom-signature.js';
import { parseDspySignature } from './parse-dspy-signature.js';
import type { Signature } from './signature.js';
import { SignatureCursor } from './signature-cursor.js';
import { SignatureError } from './signature-error.js';

/** Options of {@link parseSignature}. */
export interface ParseSignatureOptions {
  /** The signature name in the DSPy form (which has none); `signature` by default. */
  name?: string;
  /** Instructions, overriding any given in the text. */
  instructions?: string;
  /** Alternative instructions an optimiser may choose from. */
  instructionCandidates?: readonly string[];
  /**
   * Named types beyond the built-in ones, each a JSON Schema (DSPy's `custom_types`), e.g.
   * `{ Person: { $ref: 'https://registry.example/schemas/ids/7' } }` for `answer: Person` or
   * `:Person answer`. Names are (dotted) identifiers that do not shadow a built-in type.
   */
  types?: Readonly<Record<string, object>>;
  /** Field descriptions by field name, overriding those in the text. */
  descriptions?: Readonly<Record<string, string>>;
}

/** The non-throwing result of {@link parseSignature}. */
export type ParseSignatureResult =
  | { ok: true; signature: Signature }
  | { ok: false; error: SignatureError };

const ATOM_FORM = /^\s*signature\s+[A-Za-z_]/;

/**
 * Parses a signature in either textual form without throwing for bad input. The atom form
 * starts with the keyword `signature`; anything else is the DSPy form.
 *
 * @example
 * const result = parseSignature('context: list[str], question: str -> answer: str, confidence: float');
 * if (result.ok) compileSignature(result.signature);
 * else console.log(result.error.code, result.error.line, result.error.column, result.error.expected);
 */
export function parseSignature(
  text: string,
  options: ParseSignatureOptions = {},
): ParseSignatureResult {
  try {
    return { ok: true, signature: parseSignatureOrThrow(text, options) };
  } catch (error) {
    if (error instanceof SignatureError) return { ok: false, error };
    throw error;
  }
}

/**
 * Parses a signature in either textual form; throws a {@link SignatureError} for bad input.
 *
 * @example
 * const qa = parseSignatureOrThrow(
 *   'signature qa: :string question, :list(:string) context -> :string answer, :confidence_score confidence',
 * );
 */
export function parseSignatureOrThrow(
  text: string,
  options: ParseSignatureOptions = {},
): Signature {
  if (typeof text !== 'string')
    throw new SignatureError('SIGNATURE_SYNTAX', 'a signature must be a string', {
      expected: ['string'],
    });
  if (text.length > SIGNATURE_LIMITS.textLength)
    throw new SignatureError(
      'SIGNATURE_TOO_LARGE',
      `signature text is ${text.length} characters; the limit is ${SIGNATURE_LIMITS.textLength}`,
    );
  const cursor = new SignatureCursor(text, prepareCustomTypes(options.types));
  const parsed = ATOM_FORM.test(text) ? parseAtomSignature(cursor) : parseDspySignature(cursor);
  const descriptions = options.descriptions ?? {};
  const names = new Set([...parsed.inputs, ...parsed.outputs].map((field) => field.name));
  for (const key of Object.keys(descriptions)) {
    if (!names.has(key))
      throw new SignatureError(
        'SIGNATURE_INVALID_NAME',
        `descriptions name "${key.slice(0, 40)}", which is not a field`,
      );
  }
  const build = (definition: (typeof parsed.inputs)[number]) =>
    createField(
      Object.hasOwn(descriptions, definition.name)
        ? { ...definition, description: descriptions[definition.name] }
        : definition,
      true,
    );
  const instructions = options.instructions ?? parsed.instructions;
  return createSignature({
    name: options.name ?? parsed.name ?? 'signature',
    ...(instructions === undefined ? {} : { instructions }),
    instructionCandidates: options.instructionCandidates ?? [],
    inputs: parsed.inputs.map(build),
    outputs: parsed.outputs.map(build),
  });
}
