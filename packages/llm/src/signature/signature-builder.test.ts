import { describe, expect, expectTypeOf, it } from 'vitest';
import { t } from './field-types.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import type { Signature, SignatureInputs, SignatureOutputs } from './signature.js';
import { signature } from './signature-builder.js';
import { SignatureError } from './signature-error.js';

describe('signature builder', () => {
  it('builds the same fields as the equivalent DSPy text', () => {
    const built = signature('qa')
      .input('context', t.list(t.string()))
      .input('question', t.string())
      .output('answer', t.string())
      .output('confidence', t.float())
      .build();
    const parsed = parseSignatureOrThrow(
      'context: list[str], question: str -> answer: str, confidence: float',
      {
        name: 'qa',
      },
    );
    const strip = (sig: Signature) =>
      [...sig.inputs, ...sig.outputs].map(({ name, role, type }) => ({ name, role, type }));
    expect(strip(built)).toEqual(strip(parsed));
  });

  it('keeps instructions, candidates, descriptions, prefixes and tunable marks', () => {
    const sig = signature('rag')
      .instructions('Answer from the context.', { candidates: ['Answer tersely.'] })
      .input('k', t.integer({ min: 1, max: 20 }), {
        tunable: { default: 5 },
        description: 'passages',
      })
      .output('answer', t.string({ maxLength: 500 }), { prefix: 'Final answer:' })
      .build();
    expect(sig).toMatchObject({
      name: 'rag',
      instructions: 'Answer from the context.',
      instructionCandidates: ['Answer tersely.'],
    });
    expect(sig.inputs[0]).toMatchObject({ tunable: { default: 5 }, description: 'passages' });
    expect(sig.outputs[0]).toMatchObject({ prefix: 'Final answer:', type: { maxLength: 500 } });
    expect(Object.isFrozen(sig)).toBe(true);
  });

  it('is immutable: each call returns a new builder', () => {
    const base = signature('s').input('q', t.string());
    const a = base.output('a', t.string()).build();
    const b = base.output('b', t.integer()).build();
    expect(a.outputs.map((f) => f.name)).toEqual(['a']);
    expect(b.outputs.map((f) => f.name)).toEqual(['b']);
  });

  it('tracks the TypeScript types of inputs and outputs', () => {
    const sig = signature('s')
      .input('tags', t.list(t.string()))
      .input('n', t.optional(t.integer()))
      .output('label', t.literal('spam', 'ham'))
      .output('scores', t.dict(t.probability()))
      .output('vec', t.embedding({ dimension: 3 }))
      .output('either', t.union(t.string(), t.boolean()))
      .output('mood', t.enum('happy', 'sad'))
      .build();
    expectTypeOf<SignatureInputs<typeof sig>>().toEqualTypeOf<{
      tags: string[];
      n: number | null | undefined;
    }>();
    expectTypeOf<SignatureOutputs<typeof sig>>().toEqualTypeOf<{
      label: 'spam' | 'ham';
      scores: Record<string, number>;
      vec: number[];
      either: string | boolean;
      mood: 'happy' | 'sad';
    }>();
  });

  it.each([
    [
      'a duplicate across inputs and outputs',
      () => signature('s').input('x', t.string()).output('x', t.string()),
      'SIGNATURE_DUPLICATE_FIELD',
      'outputs.x',
    ],
    [
      'a field name with a dot',
      () => signature('s').input('a.b', t.string()),
      'SIGNATURE_INVALID_NAME',
      'inputs.a.b',
    ],
    [
      'an empty field name',
      () => signature('s').output('', t.string()),
      'SIGNATURE_INVALID_NAME',
      'outputs.',
    ],
    [
      'a __proto__ field',
      () => signature('s').output('__proto__', t.string()),
      'SIGNATURE_INVALID_NAME',
      'outputs.__proto__',
    ],
    [
      'a signature name with a space',
      () => signature('my sig').output('a', t.string()).build(),
      'SIGNATURE_INVALID_NAME',
      undefined,
    ],
    [
      'no outputs',
      () => signature('s').input('q', t.string()).build(),
      'SIGNATURE_SYNTAX',
      undefined,
    ],
    [
      'an unbounded tunable integer',
      () => signature('s').input('k', t.integer(), { tunable: true }),
      'SIGNATURE_NOT_TUNABLE',
      'inputs.k',
    ],
    [
      'a tunable list',
      () => signature('s').input('k', t.list(t.integer()), { tunable: true }),
      'SIGNATURE_NOT_TUNABLE',
      'inputs.k',
    ],
    [
      'a tunable default outside the range',
      () => signature('s').input('k', t.integer({ min: 1, max: 3 }), { tunable: { default: 7 } }),
      'SIGNATURE_NOT_TUNABLE',
      'inputs.k',
    ],
    [
      'a tunable default not among the values',
      () => signature('s').output('l', t.literal('a', 'b'), { tunable: { default: 'c' } }),
      'SIGNATURE_NOT_TUNABLE',
      'outputs.l',
    ],
    [
      'a non-string description',
      () => signature('s').output('a', t.string(), { description: 3 as unknown as string }),
      'SIGNATURE_INVALID_CONSTRAINT',
      'outputs.a',
    ],
    [
      'types nested 33 deep',
      () =>
        signature('s').output(
          'a',
          Array.from({ length: 32 }).reduce(
            (inner: ReturnType<typeof t.any>) => t.list(inner),
            t.any(),
          ),
        ),
      'SIGNATURE_TOO_DEEP',
      'outputs.a',
    ],
  ])('refuses %s', (_name, make, code, path) => {
    try {
      make();
      expect.unreachable('no error thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(SignatureError);
      expect((error as SignatureError).code).toBe(code);
      expect((error as SignatureError).path).toBe(path);
    }
  });

  it.each([
    ['min above max', () => t.integer({ min: 3, max: 1 })],
    ['a fractional integer bound', () => t.integer({ min: 0.5 })],
    ['an infinite float bound', () => t.float({ max: Number.POSITIVE_INFINITY })],
    ['a negative length', () => t.string({ minLength: -1 })],
    ['an invalid pattern', () => t.string({ pattern: '[' })],
    ['maxItems below minItems', () => t.list(t.string(), { minItems: 3, maxItems: 2 })],
    ['a tolerance above 1', () => t.embedding({ unitNorm: 1.5 })],
  ])('refuses a constraint with %s', (_name, make) => {
    expect(make).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID_CONSTRAINT' }));
  });

  it.each([
    ['an empty literal', () => t.literal()],
    ['a literal with a repeated value', () => t.literal('a', 'a')],
    ['a union of one type', () => t.union(t.string())],
    ['a zero embedding dimension', () => t.embedding({ dimension: 0 })],
    ['a negative tensor dimension', () => t.tensor({ shape: [2, -3] })],
  ])('refuses a type with %s', (_name, make) => {
    expect(make).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID_TYPE' }));
  });
});
