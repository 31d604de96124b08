import type { ChoiceVariable, CompositeVariable, Variable } from '@llmsr/variables';
import type { Signature, SignatureField } from './signature.js';
import { SignatureError } from './signature-error.js';
import { signatureFromJson } from './signature-from-json.js';
import { tunableVariable } from './tunable-variable.js';

/** Options of {@link extractSignatureVariables}. */
export interface ExtractVariablesOptions {
  /**
   * Also make the instructions a choice variable: `true` offers the signature's instructions
   * and its `instructionCandidates`; a list adds these candidates too.
   */
  instructions?: boolean | readonly string[];
}

/** A fragment of an `@llmsr/variables` space: variables to put in a space definition. */
export interface SignatureVariables {
  /**
   * Empty when nothing is tunable; otherwise one composite named after the signature holding
   * `instructions` (a choice) and `inputs`/`outputs` composites of the tunable fields, so the
   * paths are `qa.instructions`, `qa.inputs.k`.
   */
  variables: Variable[];
}

const base = { metadata: {}, hints: {} };

/**
 * The tunable parts of a signature as an `@llmsr/variables` space fragment: each field marked
 * tunable becomes an integer, float or choice variable (bounds and `Literal` values from its
 * type), and the instructions a choice over candidate texts when asked, as DSPy's MIPROv2
 * searches over instruction candidates.
 *
 * @example
 * const { variables } = extractSignatureVariables(qa, { instructions: ['Answer tersely.'] });
 * const space = parseSpace({ id: 'rag', name: 'RAG', variables: [...variables, temperatureVariable()] });
 */
export function extractSignatureVariables(
  given: Signature,
  options: ExtractVariablesOptions = {},
): SignatureVariables {
  const signature = signatureFromJson(given);
  const children: Variable[] = [];
  const instructions = instructionsVariable(signature, options.instructions);
  if (instructions) children.push(instructions);
  for (const [name, fields] of [
    ['inputs', signature.inputs],
    ['outputs', signature.outputs],
  ] as const) {
    const variables = fields
      .filter((field) => field.tunable)
      .map((field) => fieldVariable(signature, field));
    if (variables.length > 0) children.push({ ...base, name, kind: 'composite', variables });
  }
  if (children.length === 0) return { variables: [] };
  const composite: CompositeVariable = {
    ...base,
    name: signature.name,
    kind: 'composite',
    description: `Tunable parts of signature ${signature.name}`,
    variables: children,
  };
  return { variables: [composite] };
}

function fieldVariable(signature: Signature, field: SignatureField): Variable {
  return tunableVariable(field.name, field.type, field.tunable!, {
    ...(field.description === undefined ? {} : { description: field.description }),
    metadata: { signature: signature.name, field: field.name, role: field.role },
    where: { path: `${field.role}s.${field.name}` },
  });
}

function instructionsVariable(
  signature: Signature,
  option: ExtractVariablesOptions['instructions'],
): ChoiceVariable | undefined {
  if (!option) return undefined;
  const extra = option === true ? [] : option;
  const values = [
    ...new Set([
      ...(signature.instructions === undefined ? [] : [signature.instructions]),
      ...signature.instructionCandidates,
      ...extra,
    ]),
  ];
  if (values.length === 0)
    throw new SignatureError(
      'SIGNATURE_NOT_TUNABLE',
      `signature "${signature.name}" has no instructions or candidates to choose from`,
      { path: 'instructions' },
    );
  return {
    ...base,
    name: 'instructions',
    kind: 'choice',
    description: 'Instructions text of the signature',
    values,
    default: values[0]!,
    metadata: { signature: signature.name, role: 'instructions' },
  };
}
