import { inlineMlTypes } from '../ml-types/inline-ml-types.js';
import { ML_TYPES_DIALECT } from '../ml-types/ml-type-ids.js';
import type { JsonSchemaObject } from '../ml-types/ml-type-schemas.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import type { FieldRole, Signature, SignatureField } from './signature.js';
import { signatureFromJson } from './signature-from-json.js';
import { typeToSchema } from './type-to-schema.js';
import { constraintsToText, inferPrefix, typeToText } from './type-to-text.js';

/** One field as a prompt template needs it. */
export interface PromptField {
  name: string;
  role: FieldRole;
  /** DSPy-style type text, e.g. `list[str]`. */
  type: string;
  description?: string;
  /** The label, e.g. `Question:`. */
  prefix: string;
  /** False for `Optional[...]` fields. */
  required: boolean;
  /** Constraints as short prose (`maximum length: 500`), for the prompt. */
  constraints: string[];
}

/** Options of {@link compileSignature}. */
export interface CompileSignatureOptions {
  /**
   * Copy the ML types used into each schema's `$defs` instead of referencing their registry
   * `$id`s, so the schemas stand alone (e.g. as a provider's response format).
   */
  inlineMlTypes?: boolean;
}

/** The result of {@link compileSignature}. */
export interface CompiledSignature {
  name: string;
  /** The given instructions, or DSPy's default ("Given the fields `a`, produce the fields `b`."). */
  instructions: string;
  /** JSON Schema (draft 2020-12) of the inputs object. */
  inputSchema: JsonSchemaObject;
  /** JSON Schema (draft 2020-12) of the outputs object, e.g. a structured-output response format. */
  outputSchema: JsonSchemaObject;
  /** Inputs then outputs, in declaration order. */
  fields: PromptField[];
}

const isRequired = (field: SignatureField) => field.type.kind !== 'optional';

function objectSchema(
  title: string,
  description: string,
  fields: readonly SignatureField[],
): JsonSchemaObject {
  const properties: JsonSchemaObject = {};
  for (const field of fields) {
    const schema = typeToSchema(field.type);
    if (field.description !== undefined) schema.description = field.description;
    properties[field.name] = schema;
  }
  return {
    $schema: ML_TYPES_DIALECT,
    title,
    description,
    type: 'object',
    properties,
    required: fields.filter(isRequired).map((field) => field.name),
    additionalProperties: false,
  };
}

/** DSPy's default instructions for a signature without any. */
export function defaultInstructions(signature: Pick<Signature, 'inputs' | 'outputs'>): string {
  const list = (fields: readonly SignatureField[]) => fields.map((f) => `\`${f.name}\``).join(', ');
  return signature.inputs.length === 0
    ? `Produce the fields ${list(signature.outputs)}.`
    : `Given the fields ${list(signature.inputs)}, produce the fields ${list(signature.outputs)}.`;
}

/**
 * Compiles a signature (or signature text, parsed with `parseSignatureOrThrow`) to the JSON
 * Schemas of its inputs and outputs (`additionalProperties: false`, every non-`Optional` field
 * required, descriptions kept) and to a prompt-ready field list.
 *
 * @example
 * const { outputSchema, fields } = compileSignature('question -> answer, confidence: float');
 * // outputSchema.required: ['answer', 'confidence']; fields[0].prefix: 'Question:'
 */
export function compileSignature(
  signature: Signature | string,
  options: CompileSignatureOptions = {},
): CompiledSignature {
  // Objects not made by this package (hand-written, from JSON) are checked like parsed text.
  const sig =
    typeof signature === 'string' ? parseSignatureOrThrow(signature) : signatureFromJson(signature);
  const instructions = sig.instructions ?? defaultInstructions(sig);
  const fields = [...sig.inputs, ...sig.outputs].map((field) => {
    const prompt: PromptField = {
      name: field.name,
      role: field.role,
      type: typeToText(field.type),
      prefix: field.prefix ?? inferPrefix(field.name),
      required: isRequired(field),
      constraints: constraintsToText(field.type),
    };
    if (field.description !== undefined) prompt.description = field.description;
    return prompt;
  });
  let inputSchema = objectSchema(`${sig.name} inputs`, instructions, sig.inputs);
  let outputSchema = objectSchema(`${sig.name} outputs`, instructions, sig.outputs);
  if (options.inlineMlTypes) {
    inputSchema = inlineMlTypes(inputSchema);
    outputSchema = inlineMlTypes(outputSchema);
  }
  return { name: sig.name, instructions, inputSchema, outputSchema, fields };
}
