import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-code.js';
import { ERROR_REST_STATUS } from './error-rest-status.js';

describe('the REST status table', () => {
  it.each(ERROR_CODES)('gives %s an HTTP error status', (code) => {
    expect(ERROR_REST_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_REST_STATUS[code]).toBeLessThan(600);
  });

  it('maps only the error codes, so no stale entry outlives a removed code', () => {
    expect(Object.keys(ERROR_REST_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('answers 500 only for an internal error and 5xx only where retrying may help', () => {
    const serverErrors = ERROR_CODES.filter((code) => ERROR_REST_STATUS[code] >= 500);
    expect(serverErrors.sort()).toEqual(['INTERNAL', 'STORAGE_UNAVAILABLE', 'TOO_MANY_STREAMS']);
    expect(ERROR_REST_STATUS.INTERNAL).toBe(500);
  });

  it('answers every not-found code with 404', () => {
    for (const code of ERROR_CODES.filter((c) => c.endsWith('_NOT_FOUND'))) {
      expect(ERROR_REST_STATUS[code]).toBe(404);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ERROR_REST_STATUS)).toBe(true);
  });
});
