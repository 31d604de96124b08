import { type CompiledSignature, compileSignature, SignatureError } from '@llmsr/llm';
import { RegistryError } from '../registry-error.js';
import { signatureRegistryError } from './signature-registry-error.js';

/** Input of `registry.llm.compileSignature`. */
export interface CompileSignatureInput {
  /**
   * A signature in either textual form (`"question: str -> answer: str"` or
   * `"signature qa: :string question -> :string answer"`), or its JSON form (a stored
   * `Signature`: `{ name, inputs, outputs, instructions? }`).
   */
  signature: unknown;
  /** Copy the ML types used into each schema's `$defs` instead of `$ref`ing their ids. */
  inlineMlTypes?: boolean | undefined;
}

/**
 * Compiles a signature to the JSON Schemas of its inputs and outputs and a prompt-ready field
 * list, with `@llmsr/llm`. The schemas `$ref` the ML type ids the registry resolves, so they
 * can be registered as they are.
 *
 * @throws RegistryError `SIGNATURE_SYNTAX` (details: `line`, `column`, `expected`),
 * `SIGNATURE_UNKNOWN_TYPE` (`typeName`, `known`), `INVALID_SIGNATURE` (`signatureCode`, `path`),
 * `INVALID_INPUT` (`signature` neither text nor an object).
 * @example
 * ```ts
 * const { outputSchema } = compileRegistrySignature({ signature: 'question -> answer: str' });
 * ```
 */
export function compileRegistrySignature(input: CompileSignatureInput): CompiledSignature {
  const { signature } = input;
  const isObject = typeof signature === 'object' && signature !== null && !Array.isArray(signature);
  if (typeof signature !== 'string' && !isObject) {
    throw new RegistryError(
      'INVALID_INPUT',
      'signature must be signature text or a signature object',
      { field: 'signature' },
    );
  }
  try {
    return compileSignature(signature as Parameters<typeof compileSignature>[0], {
      inlineMlTypes: input.inlineMlTypes === true,
    });
  } catch (error) {
    if (error instanceof SignatureError) throw signatureRegistryError(error);
    // Hostile JSON the signature reader did not foresee is still the caller's input.
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new RegistryError('INVALID_SIGNATURE', `Invalid signature: ${error.message}`, {
        field: 'signature',
      });
    }
    throw error;
  }
}
