import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-code.js';
import { CONNECT_CODE_NAMES, ERROR_CONNECT_CODES } from './error-connect-code.js';

describe('the Connect code table', () => {
  it.each(ERROR_CODES)('gives %s a real Connect code other than unknown', (code) => {
    expect(CONNECT_CODE_NAMES).toContain(ERROR_CONNECT_CODES[code]);
    expect(ERROR_CONNECT_CODES[code]).not.toBe('unknown');
  });

  it('maps only the error codes', () => {
    expect(Object.keys(ERROR_CONNECT_CODES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('lists the sixteen Connect codes other than ok, once each', () => {
    expect(new Set(CONNECT_CODE_NAMES).size).toBe(16);
    expect(CONNECT_CODE_NAMES).not.toContain('ok');
  });

  it('answers internal only for an internal error', () => {
    expect(ERROR_CODES.filter((code) => ERROR_CONNECT_CODES[code] === 'internal')).toEqual([
      'INTERNAL',
    ]);
  });
});
