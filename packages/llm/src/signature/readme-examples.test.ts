import { parseSpace, temperatureVariable } from '@llmsr/variables';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addMlTypes } from '../ml-types/add-ml-types.js';
import { embeddingSchema } from '../ml-types/embedding-schema.js';
import { mlTypeId } from '../ml-types/ml-type-ids.js';
import { compileSignature } from './compile-signature.js';
import { extractSignatureVariables } from './extract-signature-variables.js';
import { t } from './field-types.js';
import { parseSignature, parseSignatureOrThrow } from './parse-signature.js';
import { signature } from './signature-builder.js';

// The examples of the package README, run as written so the documentation cannot drift.
describe('README examples', () => {
  it('compiles the DSPy example and reports an unknown type with its position', () => {
    const { outputSchema, fields } = compileSignature(
      'context: list[str], question: str -> answer: str, confidence: float',
    );
    expect(outputSchema.required).toEqual(['answer', 'confidence']);
    expect(fields[1]).toEqual({
      name: 'question',
      role: 'input',
      type: 'str',
      prefix: 'Question:',
      required: true,
      constraints: [],
    });
    const result = parseSignature('question -> answer: strng');
    expect(result.ok || result.error.toJSON()).toMatchObject({
      code: 'SIGNATURE_UNKNOWN_TYPE',
      line: 1,
      column: 21,
      typeName: 'strng',
    });
  });

  it('parses the multi-line atom example', () => {
    const sig = parseSignatureOrThrow(`signature qa "Answer from the context.":
  :string question, :list(:string) context {max_items: 5} "retrieved passages"
  -> :string answer {max_length: 500}, :confidence_score confidence`);
    expect(sig.instructions).toBe('Answer from the context.');
    expect(sig.inputs[1]).toMatchObject({ line: 2, column: 36, description: 'retrieved passages' });
  });

  it('extracts the builder example into a space with temperature', () => {
    const qa = signature('qa')
      .instructions('Answer from the context.', { candidates: ['Answer in one sentence.'] })
      .input('context', t.list(t.string()), { description: 'retrieved passages' })
      .input('question', t.string())
      .input('k', t.integer({ min: 1, max: 20 }), { tunable: { default: 5 } })
      .output('answer', t.string({ maxLength: 500 }))
      .output('confidence', t.confidenceScore())
      .build();
    const { variables } = extractSignatureVariables(qa, { instructions: true });
    const space = parseSpace({
      id: 'rag',
      name: 'RAG',
      variables: [...variables, temperatureVariable()],
    });
    expect(space.variables.map((v) => v.name)).toEqual(['qa', 'temperature']);
  });

  it('validates the ML types example', () => {
    const ajv = addMlTypes(new Ajv2020());
    const validate = ajv.compile({
      type: 'object',
      properties: {
        vector: embeddingSchema({ dimension: 3, unitNorm: true }),
        p: { $ref: mlTypeId('probability') },
      },
    });
    expect(validate({ vector: [0, 0.6, 0.8], p: 0.4 })).toBe(true);
  });
});
