import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-code.js';
import {
  confluentErrorCodeOf,
  confluentHttpStatus,
  ERROR_CONFLUENT_CODES,
} from './error-confluent-code.js';

describe('the Confluent error code table', () => {
  it.each(ERROR_CODES)('gives %s a code whose status is an HTTP error status', (code) => {
    const status = confluentHttpStatus(confluentErrorCodeOf(code));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('maps only the error codes', () => {
    expect(Object.keys(ERROR_CONFLUENT_CODES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each([
    ['SUBJECT_NOT_FOUND', {}, 40401],
    ['SUBJECT_NOT_FOUND', { softDeleted: true }, 40404],
    ['NOT_SOFT_DELETED', {}, 40405],
    ['NOT_SOFT_DELETED', { version: 2 }, 40407],
    ['INVALID_INPUT', { field: 'subject' }, 42208],
    ['INVALID_INPUT', { field: 'schemaType' }, 42201],
    ['INVALID_INPUT', { field: 'references[0].name' }, 42201],
    ['INVALID_INPUT', { field: 'body' }, 400],
    ['INVALID_INPUT', {}, 400],
    ['INVALID_COMPATIBILITY_LEVEL', {}, 42203],
    ['RATE_LIMITED', {}, 42901],
    ['INTERNAL', {}, 50001],
  ] as const)('maps %s with details %j to %i', (code, details, expected) => {
    expect(confluentErrorCodeOf(code, details)).toBe(expected);
  });

  it('takes the HTTP status from the first three digits, or the code below 1000', () => {
    expect([40401, 409, 42201, 50003].map(confluentHttpStatus)).toEqual([404, 409, 422, 500]);
  });
});
