import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileSignature } from './compile-signature.js';
import { t } from './field-types.js';
import { formatSignature } from './format-signature.js';
import { parseSignature, parseSignatureOrThrow } from './parse-signature.js';
import { signature } from './signature-builder.js';
import { signatureFromJson } from './signature-from-json.js';

const person = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name'],
  additionalProperties: false,
};
const types = {
  Person: person,
  'geo.Point': { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
};

describe('custom types', () => {
  it('resolves custom names in both forms, also nested and dotted', () => {
    const dspy = parseSignatureOrThrow(
      'q -> who: Person, where: list[geo.Point], maybe: Optional[Person]',
      { types },
    );
    const atom = parseSignatureOrThrow(
      'signature s: :string q -> :Person who, :optional(:Person) maybe',
      { types },
    );
    expect(dspy.outputs[0]!.type).toEqual({ kind: 'custom', name: 'Person', schema: person });
    expect(dspy.outputs[1]!.type).toMatchObject({
      kind: 'list',
      items: { kind: 'custom', name: 'geo.Point' },
    });
    expect(atom.outputs.map((f) => f.type.kind)).toEqual(['custom', 'optional']);
  });

  it('compiles a custom type to a copy of its schema with the field description', () => {
    const sig = parseSignatureOrThrow('q -> who: Person "the person meant"', { types });
    const { outputSchema, fields } = compileSignature(sig);
    expect((outputSchema.properties as Record<string, unknown>).who).toEqual({
      ...person,
      description: 'the person meant',
    });
    expect(fields[1]!.type).toBe('Person');
    const validate = new Ajv2020().compile(outputSchema);
    expect(validate({ who: { name: 'Ada', age: 36 } })).toBe(true);
    expect(validate({ who: { age: 36 } })).toBe(false);
  });

  it('keeps the caller schema out of the frozen signature', () => {
    const mine = { type: 'string' };
    const sig = parseSignatureOrThrow('q -> a: Mine', { types: { Mine: mine } });
    expect(Object.isFrozen(mine)).toBe(false);
    mine.type = 'integer';
    expect(compileSignature(sig).outputSchema.properties).toEqual({ a: { type: 'string' } });
  });

  it('round-trips through formatSignature and signatureFromJson', () => {
    const sig = parseSignatureOrThrow('q: geo.Point -> who: Person', { types });
    const text = formatSignature(sig);
    expect(text).toBe('q: geo.Point -> who: Person');
    expect(parseSignatureOrThrow(text, { types }).outputs[0]!.type).toEqual(sig.outputs[0]!.type);
    expect(signatureFromJson(JSON.parse(JSON.stringify(sig))).outputs[0]!.type).toEqual(
      sig.outputs[0]!.type,
    );
  });

  it('takes custom types in the builder with a caller-chosen TypeScript type', () => {
    const sig = signature('s').output('who', t.custom<{ name: string }>('Person', person)).build();
    expect(compileSignature(sig).outputSchema.properties).toEqual({ who: person });
  });

  it('lists custom names among the known types of an unknown-type error', () => {
    const result = parseSignature('q -> a: Persn', { types });
    expect(result.ok || result.error.known).toEqual(
      expect.arrayContaining(['str', 'Person', 'geo.Point']),
    );
  });

  it.each([
    ['arguments to a custom type', 'q -> a: Person[1]', { types }, 'SIGNATURE_INVALID_TYPE'],
    [
      'a constraint on a custom type',
      'q -> a: Person {min: 1}',
      { types },
      'SIGNATURE_INVALID_CONSTRAINT',
    ],
    ['a tunable custom type', 'q -> a: Person {tunable}', { types }, 'SIGNATURE_NOT_TUNABLE'],
    ['a name shadowing a built-in', 'q -> a', { types: { str: person } }, 'SIGNATURE_INVALID_NAME'],
    ['a reserved value name', 'q -> a', { types: { None: person } }, 'SIGNATURE_INVALID_NAME'],
    ['a name with a space', 'q -> a', { types: { 'my type': person } }, 'SIGNATURE_INVALID_NAME'],
    [
      'a __proto__ name',
      'q -> a',
      { types: JSON.parse('{"__proto__": {"type": "string"}}') },
      'SIGNATURE_INVALID_NAME',
    ],
    [
      'a schema that is not an object',
      'q -> a',
      { types: { P: 'string' } },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a schema with a cycle',
      'q -> a',
      {
        types: {
          P: (() => {
            const c: Record<string, unknown> = {};
            c.self = c;
            return c;
          })(),
        },
      },
      'SIGNATURE_INVALID_TYPE',
    ],
    [
      'a schema over the size limit',
      'q -> a',
      { types: { P: { description: 'x'.repeat(1_000_001) } } },
      'SIGNATURE_TOO_LARGE',
    ],
  ])('refuses %s', (_name, text, options, code) => {
    const result = parseSignature(text, options as never);
    expect(result.ok || result.error.code).toBe(code);
  });
});
