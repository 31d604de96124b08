import { describe, expect, it } from 'vitest';
import type { RegistryError } from '../registry-error.js';
import { compileRegistrySignature } from './compile-registry-signature.js';

function errorOf(signature: unknown): RegistryError {
  try {
    compileRegistrySignature({ signature });
  } catch (error) {
    return error as RegistryError;
  }
  throw new Error('expected an error');
}

describe('compileRegistrySignature', () => {
  it('compiles the DSPy form to input and output schemas and fields', () => {
    const compiled = compileRegistrySignature({
      signature: 'context: list[str], question: str -> answer: str, confidence: float',
    });
    expect(compiled.inputSchema.required).toEqual(['context', 'question']);
    expect(compiled.outputSchema.properties).toEqual({
      answer: { type: 'string' },
      confidence: { type: 'number' },
    });
    expect(compiled.fields.map((f) => [f.name, f.role, f.type])).toEqual([
      ['context', 'input', 'list[str]'],
      ['question', 'input', 'str'],
      ['answer', 'output', 'str'],
      ['confidence', 'output', 'float'],
    ]);
  });

  it('compiles the atom form with ML types to refs of their ids, or inlines them on request', () => {
    const text = 'signature qa: :string question -> :confidence_score confidence';
    const compiled = compileRegistrySignature({ signature: text });
    expect(compiled.name).toBe('qa');
    expect(compiled.outputSchema.properties).toEqual({
      confidence: { $ref: 'https://llmsr.dev/ml-types/confidence_score.json' },
    });
    const inlined = compileRegistrySignature({ signature: text, inlineMlTypes: true });
    expect(JSON.stringify(inlined.outputSchema)).not.toContain('https://llmsr.dev/ml-types/');
  });

  it('reads the JSON form of a signature', () => {
    const signature = {
      name: 'qa',
      inputs: [{ name: 'q', role: 'input', type: { kind: 'string' } }],
      outputs: [{ name: 'a', role: 'output', type: { kind: 'integer' }, description: 'the count' }],
    };
    const compiled = compileRegistrySignature({ signature });
    expect(compiled.name).toBe('qa');
    expect(compiled.outputSchema.properties).toEqual({
      a: { type: 'integer', description: 'the count' },
    });
  });

  it('turns a syntax error into SIGNATURE_SYNTAX with line, column and what was expected', () => {
    const error = errorOf('question: str\n  answer: str');
    expect(error.code).toBe('SIGNATURE_SYNTAX');
    expect(error.details).toMatchObject({
      signatureCode: 'SIGNATURE_SYNTAX',
      line: 2,
      column: 3,
      expected: ["'{'", 'description string', "','", "'->'"],
    });
  });

  it('names an unknown type and the known ones', () => {
    const error = errorOf('question -> answer: strng');
    expect(error.code).toBe('SIGNATURE_UNKNOWN_TYPE');
    expect(error.details).toMatchObject({ typeName: 'strng', line: 1, column: 21 });
    expect(error.details.known).toEqual(expect.arrayContaining(['str', 'int']));
  });

  it.each([
    ['duplicate fields', 'a -> a', 'SIGNATURE_DUPLICATE_FIELD'],
    ['too deep types', `q -> a: ${'list['.repeat(40)}str${']'.repeat(40)}`, 'SIGNATURE_TOO_DEEP'],
    ['an oversized text', `q -> ${'a'.repeat(70_000)}`, 'SIGNATURE_TOO_LARGE'],
    ['a JSON form without fields', { name: 'x' }, 'SIGNATURE_INVALID_TYPE'],
  ])('reports %s as INVALID_SIGNATURE with the precise code', (_, signature, code) => {
    const error = errorOf(signature);
    expect(error.code).toBe('INVALID_SIGNATURE');
    expect(error.details.signatureCode).toBe(code);
  });

  it.each([[42], [null], [['q -> a']], [true]])('refuses %j as INVALID_INPUT', (signature) => {
    const error = errorOf(signature);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.field).toBe('signature');
  });

  it('survives a hostile JSON form nested deeply', () => {
    let type: unknown = { kind: 'str' };
    for (let i = 0; i < 10_000; i++) type = { kind: 'list', items: type };
    const error = errorOf({
      name: 'x',
      inputs: [],
      outputs: [{ name: 'a', role: 'output', type }],
    });
    expect(error.code).toBe('INVALID_SIGNATURE');
  });
});
