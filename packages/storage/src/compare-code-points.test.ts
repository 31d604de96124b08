import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare-code-points.js';

describe('compareCodePoints', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['', 'a', -1],
    ['Z', 'a', -1],
    ['\uFFFD', '😀', -1],
    ['\uE000', '𝄞', -1],
    ['😀', '😁', -1],
    ['\uD7FF', '\uE000', -1],
  ])('orders %j against %j as %i', (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });

  it('sorts like UTF-8 bytes do', () => {
    const words = ['😀', '\uFFFD', 'z', 'é', 'A', '\uE000', '日本'];
    const byBytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
  });
});
