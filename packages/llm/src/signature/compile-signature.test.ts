import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addMlTypes, ML_TYPE_KEYWORDS } from '../ml-types/add-ml-types.js';
import { compileSignature, defaultInstructions } from './compile-signature.js';
import { t } from './field-types.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import { signature } from './signature-builder.js';
import { inferPrefix } from './type-to-text.js';

const ajv = addMlTypes(new Ajv2020({ allErrors: true, strict: true }));

describe('compileSignature', () => {
  it('compiles the DSPy example to two closed 2020-12 object schemas', () => {
    const compiled = compileSignature(
      'context: list[str], question: str -> answer: str, confidence: float',
    );
    expect(compiled.inputSchema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'signature inputs',
      description:
        'Given the fields `context`, `question`, produce the fields `answer`, `confidence`.',
      type: 'object',
      properties: {
        context: { type: 'array', items: { type: 'string' } },
        question: { type: 'string' },
      },
      required: ['context', 'question'],
      additionalProperties: false,
    });
    expect(compiled.outputSchema).toMatchObject({
      properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
      required: ['answer', 'confidence'],
      additionalProperties: false,
    });
  });

  it('compiles the atom form and the DSPy form of one signature to the same schemas', () => {
    const atom = compileSignature(
      'signature qa: :string question, :list(:string) context -> :string answer, :confidence_score confidence',
    );
    const dspy = compileSignature(
      parseSignatureOrThrow(
        'question: str, context: list[str] -> answer: str, confidence: confidence_score',
        {
          name: 'qa',
        },
      ),
    );
    expect(atom.inputSchema).toEqual(dspy.inputSchema);
    expect(atom.outputSchema).toEqual(dspy.outputSchema);
    expect(atom.outputSchema.properties).toMatchObject({
      confidence: { $ref: 'https://llmsr.dev/ml-types/confidence_score.json' },
    });
  });

  it.each([
    [
      'str {min_length: 1, max_length: 5, pattern: "^a"}',
      { type: 'string', minLength: 1, maxLength: 5, pattern: '^a' },
    ],
    ['int {min: 0, max: 9}', { type: 'integer', minimum: 0, maximum: 9 }],
    ['float', { type: 'number' }],
    ['bool', { type: 'boolean' }],
    ['Any', {}],
    ['list', { type: 'array' }],
    [
      'list[int] {min_items: 1, max_items: 2}',
      { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 },
    ],
    ['dict', { type: 'object' }],
    ['dict[str, bool]', { type: 'object', additionalProperties: { type: 'boolean' } }],
    ['Optional[str]', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ["Literal['a', 'b']", { enum: ['a', 'b'], type: 'string' }],
    ['Literal[1, 2]', { enum: [1, 2], type: 'number' }],
    ["Literal['a', 1]", { enum: ['a', 1] }],
    [
      'Union[int, list[str]]',
      { anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'string' } }] },
    ],
    ['probability', { $ref: 'https://llmsr.dev/ml-types/probability.json' }],
    [
      'embedding[3] {unit_norm: 0.001}',
      {
        $ref: 'https://llmsr.dev/ml-types/embedding.json',
        type: 'array',
        minItems: 3,
        maxItems: 3,
        'x-unit-norm': { tolerance: 0.001 },
      },
    ],
    [
      'tensor[2, 2]',
      {
        $ref: 'https://llmsr.dev/ml-types/tensor.json',
        type: 'object',
        properties: {
          shape: {
            type: 'array',
            prefixItems: [{ const: 2 }, { const: 2 }],
            minItems: 2,
            maxItems: 2,
          },
          data: { type: 'array', minItems: 4, maxItems: 4 },
        },
      },
    ],
  ])('compiles %s', (type, schema) => {
    const { outputSchema } = compileSignature(`q -> a: ${type}`);
    expect((outputSchema.properties as Record<string, unknown>).a).toEqual(schema);
  });

  it('leaves Optional fields out of required', () => {
    const { outputSchema, fields } = compileSignature('q -> a, b: Optional[int]');
    expect(outputSchema.required).toEqual(['a']);
    expect(fields.map((f) => f.required)).toEqual([true, true, false]);
  });

  it('puts field descriptions and instructions into the schemas', () => {
    const sig = signature('qa')
      .instructions('Answer from the context.')
      .input('question', t.string(), { description: 'the user question' })
      .output('vector', t.embedding({ dimension: 2 }), { description: 'answer embedding' })
      .build();
    const { inputSchema, outputSchema, instructions } = compileSignature(sig);
    expect(instructions).toBe('Answer from the context.');
    expect(inputSchema.description).toBe('Answer from the context.');
    expect(inputSchema.properties).toEqual({
      question: { type: 'string', description: 'the user question' },
    });
    expect(outputSchema.properties).toEqual({
      vector: {
        $ref: 'https://llmsr.dev/ml-types/embedding.json',
        type: 'array',
        minItems: 2,
        maxItems: 2,
        description: 'answer embedding',
      },
    });
  });

  it('lists prompt fields with role, type text, prefix, description and constraints', () => {
    const { fields } = compileSignature(
      'context: list[str] "passages", question -> answer: str {max_length: 200}, user_score: Optional[float] {min: 0}',
    );
    expect(fields).toEqual([
      {
        name: 'context',
        role: 'input',
        type: 'list[str]',
        prefix: 'Context:',
        description: 'passages',
        required: true,
        constraints: [],
      },
      {
        name: 'question',
        role: 'input',
        type: 'str',
        prefix: 'Question:',
        required: true,
        constraints: [],
      },
      {
        name: 'answer',
        role: 'output',
        type: 'str',
        prefix: 'Answer:',
        required: true,
        constraints: ['maximum length: 200'],
      },
      {
        name: 'user_score',
        role: 'output',
        type: 'Optional[float]',
        prefix: 'User Score:',
        required: false,
        constraints: ['minimum: 0'],
      },
    ]);
  });

  it('uses a custom prefix from the builder', () => {
    const sig = signature('s').output('a', t.string(), { prefix: 'Final:' }).build();
    expect(compileSignature(sig).fields[0]!.prefix).toBe('Final:');
  });

  it.each([
    ['question', 'Question:'],
    ['user_query', 'User Query:'],
    ['chainOfThought', 'Chain Of Thought:'],
    ['_x', 'X:'],
    ['answer2', 'Answer2:'],
  ])('infers the prefix of %s as %s', (name, prefix) => {
    expect(inferPrefix(name)).toBe(prefix);
  });

  it('writes DSPy default instructions, also without inputs', () => {
    expect(defaultInstructions(parseSignatureOrThrow('a, b -> c'))).toBe(
      'Given the fields `a`, `b`, produce the fields `c`.',
    );
    expect(defaultInstructions(parseSignatureOrThrow('-> c'))).toBe('Produce the fields `c`.');
  });

  it('throws the parse error for bad text', () => {
    expect(() => compileSignature('q -> a: strng')).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_UNKNOWN_TYPE' }),
    );
  });
});

describe('compiled schemas validate data', () => {
  const sig =
    'signature rag: :list(:string) context {max_items: 3}, :string question, :optional(:integer) k ' +
    '-> :string answer {max_length: 20}, :literal("high", "low") level, :embedding(2) v {unit_norm: 0.001}, ' +
    ':reasoning_chain why, :map(:probability) scores';
  const { inputSchema, outputSchema } = compileSignature(sig);
  const validateInput = ajv.compile(inputSchema);
  const validateOutput = ajv.compile(outputSchema);
  const good = {
    answer: 'Paris',
    level: 'high',
    v: [0.6, 0.8],
    why: [{ step: 1, reasoning: 'capital' }],
    scores: { paris: 0.9 },
  };

  it.each([
    ['all inputs', { context: ['a'], question: 'q', k: 3 }, true],
    ['inputs without the optional k', { context: [], question: 'q' }, true],
    ['a null optional k', { context: [], question: 'q', k: null }, true],
    ['too many passages', { context: ['a', 'b', 'c', 'd'], question: 'q' }, false],
    ['a missing question', { context: [] }, false],
    ['an unknown input', { context: [], question: 'q', extra: 1 }, false],
    ['a fractional k', { context: [], question: 'q', k: 1.5 }, false],
  ])('inputs: %s -> %s', (_name, data, valid) => {
    expect(validateInput(data)).toBe(valid);
  });

  it.each([
    ['a good output', good, true],
    ['a long answer', { ...good, answer: 'x'.repeat(21) }, false],
    ['a level outside the literal', { ...good, level: 'medium' }, false],
    ['a non-unit embedding', { ...good, v: [1, 1] }, false],
    ['a 3-d embedding', { ...good, v: [1, 0, 0] }, false],
    ['steps out of order', { ...good, why: [{ step: 2, reasoning: 'x' }] }, false],
    ['a score above 1', { ...good, scores: { paris: 1.5 } }, false],
    ['a missing answer', { ...good, answer: undefined }, false],
  ])('outputs: %s -> %s', (_name, data, valid) => {
    expect(validateOutput(JSON.parse(JSON.stringify(data)))).toBe(valid);
  });

  it('produces schemas ajv accepts in strict mode against the 2020-12 meta-schema', () => {
    expect(ajv.validateSchema(inputSchema)).toBe(true);
    expect(ajv.validateSchema(outputSchema)).toBe(true);
  });
});

describe('compileSignature with inlineMlTypes', () => {
  it('produces standalone schemas that validate like the referencing ones', () => {
    const text = 'q -> v: embedding[2] {unit_norm}, c: confidence_score, r: model_response';
    const referencing = compileSignature(text).outputSchema;
    const standalone = compileSignature(text, { inlineMlTypes: true }).outputSchema;
    expect(JSON.stringify(standalone)).not.toContain('https://llmsr.dev');
    const lax = new Ajv2020({ allErrors: true });
    for (const keyword of ML_TYPE_KEYWORDS) lax.addKeyword(keyword);
    const viaRefs = ajv.compile(referencing);
    const inline = lax.compile(standalone);
    for (const data of [
      { v: [0.6, 0.8], c: 0.5, r: { content: 'x', role: 'assistant' } },
      { v: [1, 1], c: 0.5, r: { content: 'x', role: 'assistant' } },
      { v: [0.6, 0.8], c: 5, r: { content: 'x', role: 'assistant' } },
      { v: [0.6, 0.8], c: 0.5, r: { content: 'x' } },
    ])
      expect(inline(data)).toBe(viaRefs(data));
  });
});
