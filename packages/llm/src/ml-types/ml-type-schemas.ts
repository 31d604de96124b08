import { ML_TYPES_DIALECT, type MlTypeName, mlTypeId } from './ml-type-ids.js';

/** A JSON Schema object (draft 2020-12). */
export type JsonSchemaObject = { [keyword: string]: unknown };

/** Role names a chat message can carry. */
const ROLES = ['assistant', 'user', 'system', 'tool'];
/** Why a model stopped; the union of the providers' reasons, normalised to OpenAI's spelling. */
const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter', 'refusal', 'error'];
const COUNT = { type: 'integer', minimum: 0 };
/**
 * A finite number in plain JSON Schema: NaN fails both bounds and the infinities one, so this
 * holds even in validators with ajv's `strictNumbers` off (JSON text cannot carry them anyway).
 */
const FINITE = { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE };

function typeSchema(name: MlTypeName, title: string, body: JsonSchemaObject): JsonSchemaObject {
  return { $schema: ML_TYPES_DIALECT, $id: mlTypeId(name), title, ...body };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Every ML type schema by `$id` (draft 2020-12). Add them to an ajv instance with
 * `addMlTypes` (which also adds the `x-*` keywords they use), or to any other
 * resolver: they reference each other only by these ids. Frozen.
 *
 * @example
 * const schema = ML_TYPE_SCHEMAS[mlTypeId('probability')]; // { type: 'number', minimum: 0, maximum: 1, ... }
 */
export const ML_TYPE_SCHEMAS: Readonly<Record<string, JsonSchemaObject>> = deepFreeze(
  Object.fromEntries(
    [
      typeSchema('embedding', 'Embedding', {
        description:
          'A dense vector of finite numbers. Fix the dimension or require unit norm with embeddingSchema().',
        type: 'array',
        items: FINITE,
        minItems: 1,
      }),
      typeSchema('probability', 'Probability', {
        description: 'A probability in [0, 1].',
        type: 'number',
        minimum: 0,
        maximum: 1,
      }),
      typeSchema('confidence_score', 'Confidence score', {
        description: "A model's confidence in its own answer, from 0 (none) to 1 (certain).",
        type: 'number',
        minimum: 0,
        maximum: 1,
      }),
      typeSchema('token_list', 'Token list', {
        description:
          'A sequence of tokens: either all token strings or all non-negative token ids.',
        anyOf: [
          { type: 'array', items: { type: 'string' } },
          { type: 'array', items: { type: 'integer', minimum: 0 } },
        ],
      }),
      typeSchema('tensor', 'Tensor', {
        description:
          'A tensor as its shape and its values flattened in row-major order; data holds exactly the product of the shape.',
        type: 'object',
        properties: {
          shape: { type: 'array', items: COUNT, maxItems: 32 },
          data: { type: 'array', items: FINITE },
          dtype: {
            enum: [
              'bool',
              'int8',
              'int16',
              'int32',
              'int64',
              'float16',
              'bfloat16',
              'float32',
              'float64',
            ],
          },
        },
        required: ['shape', 'data'],
        additionalProperties: false,
        'x-tensor-shape': true,
      }),
      typeSchema('reasoning_chain', 'Reasoning chain', {
        description: 'Ordered reasoning steps, numbered 1, 2, 3...',
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            step: { type: 'integer', minimum: 1 },
            reasoning: { type: 'string', minLength: 1 },
          },
          required: ['step', 'reasoning'],
          additionalProperties: false,
        },
        'x-sequential-steps': true,
      }),
      typeSchema('tool_call', 'Tool call', {
        description:
          'A call a model asks the caller to make: a tool name and its parsed JSON arguments.',
        type: 'object',
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          arguments: { type: 'object' },
        },
        required: ['name', 'arguments'],
        additionalProperties: false,
      }),
      typeSchema('model_response', 'Model response', {
        description:
          'One response of a chat model: content (null when it only calls tools), role, token usage and finish reason.',
        type: 'object',
        properties: {
          content: { type: ['string', 'null'] },
          role: { enum: ROLES },
          model: { type: 'string' },
          tool_calls: { type: 'array', items: { $ref: mlTypeId('tool_call') } },
          usage: {
            type: 'object',
            properties: {
              prompt_tokens: COUNT,
              completion_tokens: COUNT,
              total_tokens: COUNT,
            },
            required: ['prompt_tokens', 'completion_tokens'],
            additionalProperties: false,
          },
          finish_reason: { enum: FINISH_REASONS },
        },
        required: ['content', 'role'],
        additionalProperties: false,
      }),
    ].map((schema) => [schema.$id as string, schema]),
  ),
);
