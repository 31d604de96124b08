import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: null })).toBe(
      '{"a":null,"b":[3,{"a":2,"z":1}]}',
    );
  });

  it('prints strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson({ s: 'é"\n\u2028', n: 1e21, m: -0, f: 0.1 })).toBe(
      `{"f":0.1,"m":0,"n":1e+21,"s":${JSON.stringify('é"\n\u2028')}}`,
    );
  });

  it('round-trips through JSON.parse to an equal value', () => {
    const value = JSON.parse('{"__proto__":{"x":[1,"2",true]},"constructor":{}}');
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":[1,"2",true]},"constructor":{}}');
  });
});
