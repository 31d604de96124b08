import { parseSpace, sample, temperatureVariable, validateConfiguration } from '@llmsr/variables';
import { describe, expect, it } from 'vitest';
import { extractSignatureVariables } from './extract-signature-variables.js';
import { t } from './field-types.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import { signature } from './signature-builder.js';

const rag = signature('rag')
  .instructions('Answer from the context.', { candidates: ['Answer in one sentence.'] })
  .input('question', t.string())
  .input('k', t.integer({ min: 1, max: 20 }), {
    tunable: { default: 5 },
    description: 'passages to retrieve',
  })
  .input('min_score', t.float({ min: 0, max: 1 }), { tunable: { step: 0.05 } })
  .input('rerank', t.boolean(), { tunable: true })
  .output('style', t.literal('terse', 'detailed'), { tunable: { default: 'detailed' } })
  .output('answer', t.string())
  .build();

describe('extractSignatureVariables', () => {
  it('yields a fragment the variables package accepts as a space', () => {
    const { variables } = extractSignatureVariables(rag, { instructions: true });
    const space = parseSpace({ id: 'rag', name: 'RAG', variables });
    const [composite] = space.variables;
    expect(composite).toMatchObject({ name: 'rag', kind: 'composite' });
    const paths = sample(space, { count: 1, seed: 1 })[0]!;
    expect(Object.keys(paths).sort()).toEqual(['rag']);
    expect(Object.keys(paths.rag as object).sort()).toEqual(['inputs', 'instructions', 'outputs']);
  });

  it('turns each tunable field into the matching variable', () => {
    const { variables } = extractSignatureVariables(rag);
    expect(variables[0]).toMatchObject({
      name: 'rag',
      variables: [
        {
          name: 'inputs',
          kind: 'composite',
          variables: [
            {
              name: 'k',
              kind: 'integer',
              min: 1,
              max: 20,
              step: 1,
              default: 5,
              description: 'passages to retrieve',
              metadata: { signature: 'rag', field: 'k', role: 'input' },
            },
            { name: 'min_score', kind: 'float', min: 0, max: 1, step: 0.05, default: 0 },
            { name: 'rerank', kind: 'choice', values: [true, false], default: true },
          ],
        },
        {
          name: 'outputs',
          variables: [
            { name: 'style', kind: 'choice', values: ['terse', 'detailed'], default: 'detailed' },
          ],
        },
      ],
    });
  });

  it('offers the instructions and every candidate as a choice when asked', () => {
    const { variables } = extractSignatureVariables(rag, {
      instructions: ['Cite your sources.', 'Answer from the context.'],
    });
    expect((variables[0] as { variables: unknown[] }).variables[0]).toMatchObject({
      name: 'instructions',
      kind: 'choice',
      values: ['Answer from the context.', 'Answer in one sentence.', 'Cite your sources.'],
      default: 'Answer from the context.',
    });
  });

  it('validates configurations of the combined space with the variables package', () => {
    const { variables } = extractSignatureVariables(rag, { instructions: true });
    const space = parseSpace({
      id: 'rag',
      name: 'RAG',
      variables: [...variables, temperatureVariable()],
    });
    const good = {
      temperature: 0.5,
      rag: {
        instructions: 'Answer in one sentence.',
        inputs: { k: 7, min_score: 0.25, rerank: false },
        outputs: { style: 'terse' },
      },
    };
    expect(validateConfiguration(space, good).valid).toBe(true);
    for (const bad of [
      { ...good, rag: { ...good.rag, inputs: { ...good.rag.inputs, k: 21 } } },
      { ...good, rag: { ...good.rag, outputs: { style: 'chatty' } } },
      { ...good, rag: { ...good.rag, instructions: 'Something else.' } },
    ])
      expect(validateConfiguration(space, bad).valid).toBe(false);
  });

  it('reads tunable marks from signature text as well', () => {
    const sig = parseSignatureOrThrow(
      'signature s: :integer k {min: 1, max: 8, tunable, log} -> :string a',
    );
    const { variables } = extractSignatureVariables(sig);
    expect(parseSpace({ id: 's', name: 's', variables }).variables[0]).toMatchObject({
      variables: [
        { name: 'inputs', variables: [{ name: 'k', kind: 'integer', log: true, min: 1, max: 8 }] },
      ],
    });
  });

  it('makes an Optional field tunable over its inner type', () => {
    const sig = parseSignatureOrThrow('q -> n: Optional[int] {min: 0, max: 3, tunable}');
    const { variables } = extractSignatureVariables(sig);
    expect(JSON.stringify(variables)).toContain('"kind":"integer","min":0,"max":3');
  });

  it('returns variables in the variables package normal form (grid snapped)', () => {
    const sig = parseSignatureOrThrow('q -> n: int {min: 0, max: 10, tunable, step: 3}');
    const { variables } = extractSignatureVariables(sig);
    expect(JSON.stringify(variables)).toContain('"min":0,"max":9,"step":3');
  });

  it('returns no variables when nothing is tunable', () => {
    expect(extractSignatureVariables(parseSignatureOrThrow('q -> a'))).toEqual({ variables: [] });
  });

  it('refuses to make instructions tunable when there are none', () => {
    expect(() =>
      extractSignatureVariables(parseSignatureOrThrow('q -> a'), { instructions: true }),
    ).toThrow(expect.objectContaining({ code: 'SIGNATURE_NOT_TUNABLE', path: 'instructions' }));
  });
});
