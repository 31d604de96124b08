import { describe, expect, it } from 'vitest';
import { normalizePage } from './normalize-page.js';

describe('normalizePage', () => {
  it.each([
    [{}, { limit: undefined, offset: 0 }],
    [
      { limit: 10, offset: 5 },
      { limit: 10, offset: 5 },
    ],
    [
      { limit: -1, offset: -3 },
      { limit: 0, offset: 0 },
    ],
    [
      { limit: 2.9, offset: 1.2 },
      { limit: 2, offset: 1 },
    ],
    [
      { limit: Number.NaN, offset: Number.NaN },
      { limit: undefined, offset: 0 },
    ],
    [
      { limit: Number.POSITIVE_INFINITY, offset: Number.POSITIVE_INFINITY },
      { limit: Number.MAX_SAFE_INTEGER, offset: 0 },
    ],
    [{ limit: 1e300 }, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizePage(input)).toEqual(expected);
  });
});
