import { constrainType } from './constrain-type.js';
import { checkCustomTypeName, copyCustomSchema } from './custom-types.js';
import type { FieldType, LiteralValue } from './field-type.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { SignatureError } from './signature-error.js';

/** A field type that also carries, for TypeScript only, the type of its values. */
export type TypedFieldType<T> = FieldType & { readonly __value?: T };

/** The value type a {@link TypedFieldType} describes. */
export type ValueOf<F> = F extends { readonly __value?: infer T } ? T : unknown;

/** A tool call as the `tool_call` ML type describes it. */
export interface ToolCallValue {
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** A model response as the `model_response` ML type describes it. */
export interface ModelResponseValue {
  content: string | null;
  role: 'assistant' | 'user' | 'system' | 'tool';
  model?: string;
  tool_calls?: ToolCallValue[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens?: number };
  finish_reason?: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'refusal' | 'error';
}

const typed = <T>(type: FieldType): TypedFieldType<T> => type as TypedFieldType<T>;

function literalType<const V extends readonly LiteralValue[]>(
  ...values: V
): TypedFieldType<V[number]> {
  if (
    values.length === 0 ||
    values.length > SIGNATURE_LIMITS.literalValues ||
    new Set(values).size !== values.length
  )
    throw new SignatureError(
      'SIGNATURE_INVALID_TYPE',
      `literal takes 1 to ${SIGNATURE_LIMITS.literalValues} distinct values`,
    );
  return typed<V[number]>({ kind: 'literal', values: [...values] });
}

/**
 * Field type constructors for the signature builder. Constraints are checked at once and throw
 * `SIGNATURE_INVALID_CONSTRAINT`; the TypeScript value type follows the field type.
 *
 * @example
 * t.list(t.string({ maxLength: 2000 }), { maxItems: 20 }); // TypedFieldType<string[]>
 * t.literal('positive', 'negative'); // TypedFieldType<'positive' | 'negative'>
 */
export const t = {
  string: (c: { minLength?: number; maxLength?: number; pattern?: string } = {}) =>
    typed<string>(constrainType({ kind: 'string' }, c)),
  integer: (c: { min?: number; max?: number } = {}) =>
    typed<number>(constrainType({ kind: 'integer' }, c)),
  float: (c: { min?: number; max?: number } = {}) =>
    typed<number>(constrainType({ kind: 'float' }, c)),
  boolean: () => typed<boolean>({ kind: 'boolean' }),
  any: () => typed<unknown>({ kind: 'any' }),
  list: <T>(items: TypedFieldType<T>, c: { minItems?: number; maxItems?: number } = {}) =>
    typed<T[]>(constrainType({ kind: 'list', items }, c)),
  dict: <T>(values: TypedFieldType<T>) => typed<Record<string, T>>({ kind: 'dict', values }),
  optional: <T>(inner: TypedFieldType<T>) =>
    typed<T | null | undefined>({ kind: 'optional', inner }),
  literal: literalType,
  /** Same as {@link t.literal}: one of a fixed list of values. */
  enum: literalType,
  union: <const U extends readonly TypedFieldType<unknown>[]>(...options: U) => {
    if (options.length < 2)
      throw new SignatureError('SIGNATURE_INVALID_TYPE', 'union takes at least two types');
    return typed<ValueOf<U[number]>>({ kind: 'union', options: [...options] });
  },
  embedding: (o: { dimension?: number; unitNorm?: boolean | number } = {}) => {
    const { dimension, unitNorm } = o;
    if (dimension !== undefined && !(Number.isSafeInteger(dimension) && dimension >= 1))
      throw new SignatureError(
        'SIGNATURE_INVALID_TYPE',
        `embedding dimension must be a positive integer, got ${dimension}`,
      );
    const base: FieldType =
      dimension === undefined
        ? { kind: 'ml', name: 'embedding' }
        : { kind: 'ml', name: 'embedding', dimension };
    return typed<number[]>(constrainType(base, { unitNorm }));
  },
  tensor: (o: { shape?: (number | null)[] } = {}) => {
    const { shape } = o;
    if (
      shape !== undefined &&
      (shape.length > 32 || shape.some((n) => n !== null && !(Number.isSafeInteger(n) && n >= 0)))
    )
      throw new SignatureError(
        'SIGNATURE_INVALID_TYPE',
        'tensor shape is up to 32 non-negative integers or null',
      );
    return typed<{ shape: number[]; data: number[]; dtype?: string }>(
      shape === undefined
        ? { kind: 'ml', name: 'tensor' }
        : { kind: 'ml', name: 'tensor', shape: [...shape] },
    );
  },
  /** A named type given as a JSON Schema, e.g. a registered schema; `T` is up to the caller. */
  custom: <T = unknown>(name: string, schema: object) => {
    const checked = checkCustomTypeName(name);
    return typed<T>({ kind: 'custom', name: checked, schema: copyCustomSchema(checked, schema) });
  },
  probability: () => typed<number>({ kind: 'ml', name: 'probability' }),
  confidenceScore: () => typed<number>({ kind: 'ml', name: 'confidence_score' }),
  tokenList: () => typed<string[] | number[]>({ kind: 'ml', name: 'token_list' }),
  reasoningChain: () =>
    typed<{ step: number; reasoning: string }[]>({ kind: 'ml', name: 'reasoning_chain' }),
  modelResponse: () => typed<ModelResponseValue>({ kind: 'ml', name: 'model_response' }),
  toolCall: () => typed<ToolCallValue>({ kind: 'ml', name: 'tool_call' }),
};
