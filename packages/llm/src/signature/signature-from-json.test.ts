import { describe, expect, it } from 'vitest';
import { compileSignature } from './compile-signature.js';
import { formatSignature } from './format-signature.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import { signatureFromJson } from './signature-from-json.js';

const ok = (type: unknown) => ({ name: 's', inputs: [], outputs: [{ name: 'a', type }] });

describe('signatureFromJson', () => {
  it('reads back a stored signature with the same fields', () => {
    const sig = parseSignatureOrThrow(
      'signature s "Do.": :integer k {min: 1, max: 5, tunable} "k", :tensor(2, _) x -> :optional(:literal("a", 1, true)) y, :embedding(3) v {unit_norm}',
      { instructionCandidates: ['Alt.'] },
    );
    const again = signatureFromJson(JSON.parse(JSON.stringify(sig)));
    // Positions in the original text are not part of the stored form.
    const { inputs, outputs, ...rest } = JSON.parse(
      JSON.stringify(sig, (k, v) => (k === 'line' || k === 'column' ? undefined : v)),
    );
    expect(again).toEqual({ ...rest, inputs, outputs });
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('returns a signature this package created as it is', () => {
    const sig = parseSignatureOrThrow('q -> a');
    expect(signatureFromJson(sig)).toBe(sig);
  });

  it('lets compile, format and extract take hand-written objects, checked', () => {
    const hand = {
      name: 's',
      inputs: [{ name: 'q', type: { kind: 'string' } }],
      outputs: [{ name: 'a', type: { kind: 'integer', minimum: 0 } }],
    };
    expect(compileSignature(hand as never).outputSchema.properties).toEqual({
      a: { type: 'integer', minimum: 0 },
    });
    expect(formatSignature(hand as never)).toBe('q: str -> a: int {min: 0}');
    expect(() => compileSignature({ ...hand, outputs: [] } as never)).toThrow(
      /at least one output/,
    );
  });

  it.each([
    ['a non-object', 42, 'SIGNATURE_INVALID_TYPE'],
    [
      'inputs that are not an array',
      { name: 's', inputs: {}, outputs: [] },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a field that is not an object',
      { name: 's', inputs: [], outputs: ['a'] },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a bad signature name',
      { name: 'a b', inputs: [], outputs: [{ name: 'a', type: { kind: 'string' } }] },
      'SIGNATURE_INVALID_NAME',
    ],
    [
      'a bad field name',
      { name: 's', inputs: [], outputs: [{ name: 1, type: { kind: 'string' } }] },
      'SIGNATURE_INVALID_NAME',
    ],
    [
      'numeric instructions',
      { ...ok({ kind: 'string' }), instructions: 1 },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'non-string candidates',
      { ...ok({ kind: 'string' }), instructionCandidates: [1] },
      'SIGNATURE_INVALID_TYPE',
    ],
    ['a type without kind', ok({}), 'SIGNATURE_INVALID_TYPE'],
    ['a type that is an array', ok([]), 'SIGNATURE_INVALID_TYPE'],
    ['an unknown kind', ok({ kind: 'date' }), 'SIGNATURE_INVALID_TYPE'],
    ['a negative maxLength', ok({ kind: 'string', maxLength: -1 }), 'SIGNATURE_INVALID_CONSTRAINT'],
    ['a string minimum', ok({ kind: 'integer', minimum: '1' }), 'SIGNATURE_INVALID_CONSTRAINT'],
    ['a list without items', ok({ kind: 'list' }), 'SIGNATURE_INVALID_TYPE'],
    [
      'a union of one',
      ok({ kind: 'union', options: [{ kind: 'string' }] }),
      'SIGNATURE_INVALID_TYPE',
    ],
    ['an empty literal', ok({ kind: 'literal', values: [] }), 'SIGNATURE_INVALID_TYPE'],
    ['a literal with an object', ok({ kind: 'literal', values: [{}] }), 'SIGNATURE_INVALID_TYPE'],
    ['a literal with NaN', ok({ kind: 'literal', values: [Number.NaN] }), 'SIGNATURE_INVALID_TYPE'],
    ['a repeated literal', ok({ kind: 'literal', values: ['a', 'a'] }), 'SIGNATURE_INVALID_TYPE'],
    ['an unknown ML type', ok({ kind: 'ml', name: 'image' }), 'SIGNATURE_INVALID_TYPE'],
    [
      'a zero embedding dimension',
      ok({ kind: 'ml', name: 'embedding', dimension: 0 }),
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a dimension on a probability',
      ok({ kind: 'ml', name: 'probability', dimension: 3 }),
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a shape on a tool call',
      ok({ kind: 'ml', name: 'tool_call', shape: [1] }),
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a fractional tensor dimension',
      ok({ kind: 'ml', name: 'tensor', shape: [1.5] }),
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a tunable that is not an object',
      { name: 's', inputs: [], outputs: [{ name: 'a', type: { kind: 'boolean' }, tunable: true }] },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a tunable string',
      { name: 's', inputs: [], outputs: [{ name: 'a', type: { kind: 'string' }, tunable: {} }] },
      'SIGNATURE_NOT_TUNABLE',
    ],
    [
      '1,001 fields',
      {
        name: 's',
        inputs: Array.from({ length: 1001 }, (_, i) => ({
          name: `f${i}`,
          type: { kind: 'string' },
        })),
        outputs: [],
      },
      'SIGNATURE_TOO_LARGE',
    ],
  ])('refuses %s', (_name, json, code) => {
    expect(() => signatureFromJson(json)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a hostile type nested far beyond the limit without overflowing the stack', () => {
    let type: object = { kind: 'string' };
    for (let i = 0; i < 100_000; i++) type = { kind: 'list', items: type };
    expect(() => signatureFromJson(ok(type))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_TOO_DEEP' }),
    );
  });

  it('drops unknown members of a type', () => {
    const sig = signatureFromJson(ok({ kind: 'string', maxLength: 3, colour: 'red' }));
    expect(sig.outputs[0]!.type).toEqual({ kind: 'string', maxLength: 3 });
  });
});
