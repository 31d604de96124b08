import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from './error-code.js';

describe('the error code list', () => {
  it('holds each code once, in upper snake case', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it('recognises its own codes and nothing else', () => {
    expect(ERROR_CODES.every(isErrorCode)).toBe(true);
    expect(isErrorCode('subject_not_found')).toBe(false);
    expect(isErrorCode('NETWORK_ERROR')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
