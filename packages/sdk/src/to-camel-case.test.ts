import { describe, expect, it } from 'vitest';
import { toCamelCase } from './to-camel-case.js';

describe('toCamelCase', () => {
  it('renames snake_case keys at every depth and leaves values alone', () => {
    expect(toCamelCase({ schema_id: 1, nested_list: [{ old_path: 'a_b' }], plain: 'x_y' })).toEqual(
      {
        schemaId: 1,
        nestedList: [{ oldPath: 'a_b' }],
        plain: 'x_y',
      },
    );
  });

  it('keeps a __proto__ key from JSON as an own property, never as a prototype', () => {
    const out = toCamelCase(JSON.parse('{"__proto__":{"polluted":true},"a":1}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('stops walking past 64 levels instead of overflowing the stack', () => {
    let deep: unknown = { leaf_key: 1 };
    for (let i = 0; i < 100_000; i++) deep = { child_node: deep };
    expect(() => toCamelCase(deep)).not.toThrow();
  });
});
