import { createField } from './create-field.js';
import { createSignature } from './create-signature.js';
import type { TypedFieldType } from './field-types.js';
import type { FieldRole, Signature, SignatureField, TunableSpec } from './signature.js';
import { SignatureError } from './signature-error.js';

/** Per-field options of the builder. */
export interface FieldOptions {
  description?: string;
  /** The label shown to the model; inferred from the name (`Question:`) when absent. */
  prefix?: string;
  /** Make the field a variable for optimisers; `true` or the variable's default/step/log. */
  tunable?: boolean | TunableSpec;
}

/** No fields yet. */
export type Empty = Record<never, never>;

/** `R` plus field `N` of type `T`, flattened so editors show one object type. */
type AddField<R, N extends string, T> = { [K in keyof R | N]: K extends N ? T : R[K & keyof R] };

/**
 * An immutable, typed signature builder: every call returns a new builder, and field errors are
 * thrown by the call that adds the field.
 */
export interface SignatureBuilder<
  I extends Record<string, unknown>,
  O extends Record<string, unknown>,
> {
  input<N extends string, T>(
    name: N,
    type: TypedFieldType<T>,
    options?: FieldOptions,
  ): SignatureBuilder<AddField<I, N, T>, O>;
  output<N extends string, T>(
    name: N,
    type: TypedFieldType<T>,
    options?: FieldOptions,
  ): SignatureBuilder<I, AddField<O, N, T>>;
  /** Sets the instructions and, optionally, alternatives an optimiser may choose from. */
  instructions(text: string, options?: { candidates?: readonly string[] }): SignatureBuilder<I, O>;
  /** Checks the signature as a whole (at least one output) and returns it frozen. */
  build(): Signature<I, O>;
}

interface State {
  name: string;
  instructions?: string;
  candidates: readonly string[];
  inputs: readonly SignatureField[];
  outputs: readonly SignatureField[];
}

/**
 * Starts a typed signature.
 *
 * @example
 * const qa = signature('qa')
 *   .instructions('Answer from the context.')
 *   .input('context', t.list(t.string()), { description: 'retrieved passages' })
 *   .input('question', t.string())
 *   .input('k', t.integer({ min: 1, max: 20 }), { tunable: { default: 5 } })
 *   .output('answer', t.string({ maxLength: 500 }))
 *   .output('confidence', t.confidenceScore())
 *   .build();
 * // Signature<{ context: string[]; question: string; k: number }, { answer: string; confidence: number }>
 */
export function signature(name: string): SignatureBuilder<Empty, Empty> {
  return builder({ name, candidates: [], inputs: [], outputs: [] });
}

function builder<I extends Record<string, unknown>, O extends Record<string, unknown>>(
  state: State,
): SignatureBuilder<I, O> {
  const add = (
    role: FieldRole,
    name: string,
    type: TypedFieldType<unknown>,
    options: FieldOptions = {},
  ) => {
    const all = [...state.inputs, ...state.outputs];
    if (all.some((field) => field.name === name))
      throw new SignatureError(
        'SIGNATURE_DUPLICATE_FIELD',
        `field "${name}" is declared twice: input and output names must be distinct`,
        { path: `${role}s.${name}` },
      );
    const { tunable, ...rest } = options;
    const field = createField({
      ...rest,
      name,
      role,
      type,
      ...(tunable ? { tunable: tunable === true ? {} : tunable } : {}),
    });
    return role === 'input'
      ? { ...state, inputs: [...state.inputs, field] }
      : { ...state, outputs: [...state.outputs, field] };
  };
  return {
    input: (name, type, options) => builder(add('input', name, type, options)),
    output: (name, type, options) => builder(add('output', name, type, options)),
    instructions: (text, options = {}) =>
      builder({ ...state, instructions: text, candidates: options.candidates ?? [] }),
    build: () =>
      createSignature({
        name: state.name,
        ...(state.instructions === undefined ? {} : { instructions: state.instructions }),
        instructionCandidates: state.candidates,
        inputs: state.inputs,
        outputs: state.outputs,
      }) as Signature<I, O>,
  };
}
