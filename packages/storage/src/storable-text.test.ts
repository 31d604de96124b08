import { describe, expect, it } from 'vitest';
import { assertStorableText, hasUnstorableText } from './storable-text.js';

describe('hasUnstorableText', () => {
  it.each(['', 'orders-value', 'café 日本 🚀', "'; DROP TABLE x; --", '\uFFFD'])(
    'accepts %j',
    (text) => {
      expect(hasUnstorableText(text)).toBe(false);
    },
  );

  it.each(['a\u0000b', '\uD800', 'x\uDC00', '\uD83D', 'ok🚀\uDE80'])('refuses %j', (text) => {
    expect(hasUnstorableText(text)).toBe(true);
  });

  it('ignores null and undefined and checks every argument', () => {
    expect(hasUnstorableText(null, undefined, 'fine')).toBe(false);
    expect(hasUnstorableText('fine', '\u0000')).toBe(true);
  });

  it('names the field in the RangeError', () => {
    expect(() => assertStorableText('subject', '\uD800')).toThrow(/The subject must not contain/);
    expect(() => assertStorableText('subject', 'ok')).not.toThrow();
  });
});
