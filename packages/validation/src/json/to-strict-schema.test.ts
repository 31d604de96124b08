import { describe, expect, it } from 'vitest';
import { toStrictSchema } from './to-strict-schema.js';

describe('toStrictSchema', () => {
  it('closes the root and object subschemas at instance locations', () => {
    const strict = toStrictSchema({
      properties: { a: { properties: { b: { type: 'string' } } } },
      items: { type: 'object' },
      prefixItems: [{ required: ['x'] }],
    });
    expect(strict).toEqual({
      properties: {
        a: {
          properties: { b: { type: 'string', unevaluatedProperties: false } },
          unevaluatedProperties: false,
        },
      },
      items: { type: 'object', unevaluatedProperties: false },
      prefixItems: [{ required: ['x'], unevaluatedProperties: false }],
      unevaluatedProperties: false,
    });
  });

  it('does not close in-place subschemas but closes objects nested in them', () => {
    const strict = toStrictSchema({
      allOf: [{ properties: { a: { properties: {} } } }],
      $defs: { d: { type: 'object' } },
    }) as Record<string, unknown>;
    expect(strict.allOf).toEqual([
      { properties: { a: { properties: {}, unevaluatedProperties: false } } },
    ]);
    expect(strict.$defs).toEqual({ d: { type: 'object' } });
  });

  it('leaves open and unconstrained subschemas, not, if and the input alone', () => {
    const input = {
      properties: {
        any: {},
        titled: { title: 't' },
        own: { unevaluatedProperties: true },
        flag: true,
      },
      not: { properties: { a: { type: 'object' } } },
      if: { properties: { a: { type: 'object' } } },
    };
    const snapshot = structuredClone(input);
    const strict = toStrictSchema(input) as {
      properties: Record<string, unknown>;
      not: unknown;
      if: unknown;
    };
    expect(strict.properties).toEqual(input.properties);
    expect(strict.not).toEqual(input.not);
    expect(strict.if).toEqual(input.if);
    expect(input).toEqual(snapshot);
  });

  it('keeps __proto__ as an own key', () => {
    const strict = toStrictSchema(JSON.parse('{"properties":{"__proto__":{"type":"object"}}}')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(strict.properties)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(strict.properties)).toBe(Object.prototype);
  });

  it('can leave the root open (referenced schemas)', () => {
    expect(toStrictSchema({ type: 'object' }, { injectAtRoot: false })).toEqual({ type: 'object' });
    expect(toStrictSchema(true)).toBe(true);
  });
});
