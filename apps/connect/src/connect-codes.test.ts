import { Code } from '@connectrpc/connect';
import { CONNECT_CODE_NAMES, ERROR_CODES, ERROR_CONNECT_CODES } from '@llmsr/spec';
import { describe, expect, it } from 'vitest';
import { CONNECT_CODES } from './connect-codes.js';

/** `Code.InvalidArgument` -> `invalid_argument`: how the Connect protocol spells a code. */
function wireName(code: Code): string {
  return Code[code].replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

describe('CONNECT_CODES', () => {
  it('answers each registry code with the Connect code the spec names', () => {
    for (const code of ERROR_CODES) {
      expect(wireName(CONNECT_CODES[code])).toBe(ERROR_CONNECT_CODES[code]);
    }
  });

  it('knows every Connect code name the spec can use', () => {
    const names = Object.values(Code)
      .filter((value): value is Code => typeof value === 'number')
      .map(wireName)
      .filter((name) => name !== 'ok');
    expect([...names].sort()).toEqual([...CONNECT_CODE_NAMES].sort());
  });
});
