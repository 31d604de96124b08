import type { FieldType, LiteralValue } from './field-type.js';

/** Whether a field is given to the model or produced by it. */
export type FieldRole = 'input' | 'output';

/**
 * Marks a field as a knob an optimiser may set (a variable), e.g. the number of passages `k`.
 * Only bounded `int`/`float`, `bool` and `Literal` fields (optionally `Optional`) can be tunable.
 */
export interface TunableSpec {
  /** The variable's default; the lower bound or the first value when absent. */
  default?: LiteralValue;
  /** Grid step of a numeric range. */
  step?: number;
  /** Sample the range in log space (needs a positive lower bound). */
  log?: boolean;
}

/** One input or output field. */
export interface SignatureField {
  name: string;
  role: FieldRole;
  type: FieldType;
  description?: string;
  /** The label shown to the model, `Question:` for `question` when absent. */
  prefix?: string;
  tunable?: TunableSpec;
  /** Where the field starts in signature text (1-based), for messages. */
  line?: number;
  column?: number;
}

/**
 * A parsed or built signature: named, typed inputs and outputs plus instructions. Frozen.
 * `I` and `O` are the TypeScript shapes of the inputs and outputs when built with the typed
 * builder (`unknown` records when parsed from text).
 */
export interface Signature<
  I extends Record<string, unknown> = Record<string, unknown>,
  O extends Record<string, unknown> = Record<string, unknown>,
> {
  name: string;
  /** The task description; a DSPy-style default is used when compiling if absent. */
  instructions?: string;
  /** Alternative instructions an optimiser may choose from (see `extractVariables`). */
  instructionCandidates: string[];
  inputs: readonly SignatureField[];
  outputs: readonly SignatureField[];
  /** Phantom members carrying the field value types; never set at run time. */
  readonly __types?: { inputs: I; outputs: O };
}

/** The TypeScript type of a built signature's inputs object. */
export type SignatureInputs<S> = S extends { readonly __types?: { inputs: infer I } } ? I : never;

/** The TypeScript type of a built signature's outputs object. */
export type SignatureOutputs<S> = S extends { readonly __types?: { outputs: infer O } } ? O : never;
