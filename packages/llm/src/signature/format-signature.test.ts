import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMlTypes } from '../ml-types/add-ml-types.js';
import { ML_TYPE_NAMES } from '../ml-types/ml-type-ids.js';
import { compileSignature } from './compile-signature.js';
import { constrainType, type FieldConstraints } from './constrain-type.js';
import { createField } from './create-field.js';
import { createSignature } from './create-signature.js';
import type { FieldType, LiteralValue } from './field-type.js';
import { t } from './field-types.js';
import { formatSignature } from './format-signature.js';
import { parseSignatureOrThrow } from './parse-signature.js';
import type { Signature } from './signature.js';
import { signature } from './signature-builder.js';

const strip = (sig: Signature) =>
  [...sig.inputs, ...sig.outputs].map(({ line: _l, column: _c, ...rest }) => rest);

const text = fc.string({ unit: 'binary', maxLength: 12 });
const literalValue: fc.Arbitrary<LiteralValue> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
  fc.boolean(),
);
const mlType: fc.Arbitrary<FieldType> = fc.oneof(
  fc
    .constantFrom(...ML_TYPE_NAMES.filter((n) => n !== 'embedding' && n !== 'tensor'))
    .map((name) => ({ kind: 'ml', name }) as FieldType),
  fc
    .option(fc.integer({ min: 1, max: 4096 }), { nil: undefined })
    .map((dimension) =>
      dimension === undefined
        ? ({ kind: 'ml', name: 'embedding' } as FieldType)
        : ({ kind: 'ml', name: 'embedding', dimension } as FieldType),
    ),
  fc
    .array(fc.option(fc.integer({ min: 0, max: 64 }), { nil: null }), { maxLength: 4 })
    .map((shape) => ({ kind: 'ml', name: 'tensor', shape }) as FieldType),
);
const { type: fieldType } = fc.letrec<{ type: FieldType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<FieldType>(
      { kind: 'string' },
      { kind: 'integer' },
      { kind: 'float' },
      { kind: 'boolean' },
      { kind: 'any' },
    ),
    fc
      .uniqueArray(literalValue, { minLength: 1, maxLength: 4, comparator: 'SameValueZero' })
      .map((values) => ({ kind: 'literal', values }) as FieldType),
    mlType,
    tie('type').map((items) => ({ kind: 'list', items }) as FieldType),
    tie('type').map((values) => ({ kind: 'dict', values }) as FieldType),
    tie('type').map((inner) => ({ kind: 'optional', inner }) as FieldType),
    fc
      .array(tie('type'), { minLength: 2, maxLength: 3 })
      .map((options) => ({ kind: 'union', options }) as FieldType),
  ),
}));

/** Top-level constraints that fit the type, so every generated field is valid. */
function withConstraints(type: FieldType): fc.Arbitrary<FieldType> {
  const base = type.kind === 'optional' ? type.inner : type;
  const range = (
    arb: fc.Arbitrary<number>,
    low: keyof FieldConstraints,
    high: keyof FieldConstraints,
  ) =>
    fc
      .tuple(arb, arb, fc.boolean())
      .map(([a, b, both]) =>
        constrainType(
          type,
          both ? { [low]: Math.min(a, b), [high]: Math.max(a, b) } : { [high]: a },
        ),
      );
  if (base.kind === 'integer')
    return fc.oneof(fc.constant(type), range(fc.integer(), 'min', 'max'));
  if (base.kind === 'float')
    return fc.oneof(
      fc.constant(type),
      range(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
        'min',
        'max',
      ),
    );
  if (base.kind === 'string')
    return fc.oneof(
      fc.constant(type),
      range(fc.nat(1000), 'minLength', 'maxLength'),
      fc
        .constantFrom('^a', '\\d+', '"quoted"', 'x\\\\y')
        .map((pattern) => constrainType(type, { pattern })),
    );
  if (base.kind === 'list')
    return fc.oneof(fc.constant(type), range(fc.nat(50), 'minItems', 'maxItems'));
  if (base.kind === 'ml' && base.name === 'embedding')
    return fc.oneof(
      fc.constant(type),
      fc
        .double({ min: 0, max: 1, noNaN: true })
        .map((unitNorm) => constrainType(type, { unitNorm })),
    );
  return fc.constant(type);
}

const signatureArb = fc
  .tuple(
    fc.uniqueArray(
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((n) => n !== '__proto__'),
      { minLength: 1, maxLength: 6 },
    ),
    fc.array(fieldType.chain(withConstraints), { minLength: 6, maxLength: 6 }),
    fc.array(fc.option(text, { nil: undefined }), { minLength: 6, maxLength: 6 }),
    fc.nat(),
    fc.option(text, { nil: undefined }),
  )
  .map(([names, types, descriptions, split, instructions]) => {
    const inputCount = split % names.length;
    const fields = names.map((name, i) =>
      createField({
        name,
        role: i < inputCount ? 'input' : 'output',
        type: types[i]!,
        ...(descriptions[i] === undefined ? {} : { description: descriptions[i] }),
      }),
    );
    return createSignature({
      name: 'generated',
      ...(instructions === undefined ? {} : { instructions }),
      inputs: fields.slice(0, inputCount),
      outputs: fields.slice(inputCount),
    });
  });

describe('formatSignature', () => {
  it('writes text that parses back to the same fields, in the DSPy form', () => {
    fc.assert(
      fc.property(signatureArb, (sig) => {
        const again = parseSignatureOrThrow(formatSignature(sig), { name: sig.name });
        expect(strip(again)).toEqual(strip(sig));
      }),
      { numRuns: 500 },
    );
  });

  it('writes text that parses back to the same signature, in the atom form', () => {
    fc.assert(
      fc.property(signatureArb, (sig) => {
        const again = parseSignatureOrThrow(formatSignature(sig, { form: 'atom' }));
        expect(strip(again)).toEqual(strip(sig));
        expect(again.instructions).toBe(sig.instructions);
        expect(again.name).toBe(sig.name);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [
      'dspy' as const,
      "k: int {min: 1, max: 9, tunable, default: 3} \"top k\" -> label: Literal['a', 'b'] {tunable}",
    ],
    [
      'atom' as const,
      'signature s "Do it.": :integer k {min: 1, max: 9, tunable, default: 3} "top k" -> :literal("a", "b") label {tunable}',
    ],
  ])('writes tunable marks and descriptions in the %s form', (form, expected) => {
    const sig = signature('s')
      .instructions('Do it.')
      .input('k', t.integer({ min: 1, max: 9 }), { tunable: { default: 3 }, description: 'top k' })
      .output('label', t.literal('a', 'b'), { tunable: true })
      .build();
    expect(formatSignature(sig, { form })).toBe(expected);
    expect(strip(parseSignatureOrThrow(expected, { name: 's' }))).toEqual(strip(sig));
  });

  it('writes a signature without inputs', () => {
    expect(formatSignature(parseSignatureOrThrow('-> a'))).toBe('-> a: str');
  });

  it('refuses constraints nested inside a type, which text cannot express', () => {
    const sig = signature('s')
      .output('a', t.list(t.string({ maxLength: 5 })))
      .build();
    expect(() => formatSignature(sig)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID_CONSTRAINT', path: 'outputs.a' }),
    );
  });
});

describe('compileSignature on generated signatures', () => {
  it('always yields schemas ajv compiles in strict mode against the 2020-12 meta-schema', () => {
    const ajv = addMlTypes(new Ajv2020({ strict: true }));
    fc.assert(
      fc.property(signatureArb, (sig) => {
        const { inputSchema, outputSchema, fields } = compileSignature(sig);
        for (const schema of [inputSchema, outputSchema]) {
          expect(ajv.validateSchema(schema)).toBe(true);
          expect(() => ajv.compile(schema)).not.toThrow();
        }
        expect(fields.length).toBe(sig.inputs.length + sig.outputs.length);
      }),
      { numRuns: 200 },
    );
  });
});
