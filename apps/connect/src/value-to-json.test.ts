import { create, fromJson, toJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import { describe, expect, it } from 'vitest';
import { ValueToJsonError, valueToJson } from './value-to-json.js';

describe('valueToJson', () => {
  const documents: unknown[] = [
    null,
    true,
    'text',
    0,
    -1.5,
    [],
    {},
    { a: 1, b: [true, null, 'x', { c: [] }], d: { e: { f: -0.25 } } },
    [[[]], [{}], 'mixed', 3],
  ];

  it.each(documents.map((d) => [JSON.stringify(d), d]))(
    'gives the same JSON as the reflective toJson for %s',
    (_, document) => {
      const value = fromJson(ValueSchema, document as never);
      expect(valueToJson(value)).toEqual(toJson(ValueSchema, value));
    },
  );

  it('keeps a __proto__ key as an own property instead of setting the prototype', () => {
    const value = create(ValueSchema, {
      kind: {
        case: 'structValue',
        value: {
          fields: {
            ['__proto__']: create(ValueSchema, { kind: { case: 'boolValue', value: true } }),
          },
        },
      },
    });
    const json = valueToJson(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.hasOwn(json, '__proto__')).toBe(true);
    expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
  });

  it('refuses a kind-less value nested in lists and structs, saying where', () => {
    const value = create(ValueSchema, {
      kind: {
        case: 'structValue',
        value: {
          fields: {
            a: create(ValueSchema, {
              kind: {
                case: 'listValue',
                value: { values: [create(ValueSchema), create(ValueSchema)] },
              },
            }),
          },
        },
      },
    });
    const list = (value.kind.value as { fields: Record<string, { kind: { value: unknown } }> })
      .fields.a?.kind.value as { values: unknown[] };
    list.values[0] = fromJson(ValueSchema, 1);
    let error: unknown;
    try {
      valueToJson(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValueToJsonError);
    expect((error as ValueToJsonError).path).toEqual(['a', 1]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses the non-finite number %s',
    (n) => {
      const value = create(ValueSchema, { kind: { case: 'numberValue', value: n } });
      expect(() => valueToJson(value)).toThrow(ValueToJsonError);
    },
  );

  it('throws a RangeError (not a crash of the process) on hostile nesting', () => {
    let value = fromJson(ValueSchema, 1);
    for (let i = 0; i < 100_000; i++) {
      value = create(ValueSchema, { kind: { case: 'listValue', value: { values: [value] } } });
    }
    expect(() => valueToJson(value)).toThrow(RangeError);
  });
});
