import { Code, ConnectError } from '@connectrpc/connect';
import { ERROR_CODES, RegistryError } from '@llmsr/core';
import { ErrorDetailSchema } from '@llmsr/proto';
import { describe, expect, it } from 'vitest';
import { CONNECT_CODES } from './connect-codes.js';
import { ERROR_CODE_HEADER, toConnectError } from './to-connect-error.js';

describe('toConnectError', () => {
  it.each([
    ['SUBJECT_NOT_FOUND', Code.NotFound],
    ['INVALID_SCHEMA', Code.InvalidArgument],
    ['INCOMPATIBLE_SCHEMA', Code.FailedPrecondition],
    ['TOO_MANY_STREAMS', Code.ResourceExhausted],
    ['CONFLICT', Code.Aborted],
    ['STORAGE_UNAVAILABLE', Code.Unavailable],
  ] as const)('maps %s to status %s', (code, status) => {
    const error = toConnectError(new RegistryError(code, 'boom', { subject: 's' }));
    expect(error.code).toBe(status);
    expect(error.metadata.get(ERROR_CODE_HEADER)).toBe(code);
  });

  it('maps every registry code to a real status other than OK and UNKNOWN', () => {
    const statuses = new Set(Object.values(Code).filter((v) => typeof v === 'number'));
    for (const code of ERROR_CODES) {
      expect(statuses.has(CONNECT_CODES[code])).toBe(true);
      expect(CONNECT_CODES[code]).not.toBe(Code.Unknown);
    }
  });

  it('attaches the code, message and details as an ErrorDetail', () => {
    const error = toConnectError(
      new RegistryError('INVALID_INPUT', 'subject is required', { field: 'subject' }),
    );
    expect(error.rawMessage).toBe('subject is required');
    const detail = error.details[0];
    expect(detail && 'desc' in detail ? detail.desc : undefined).toBe(ErrorDetailSchema);
  });

  it('keeps details JSON cannot carry from breaking the error', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = toConnectError(new RegistryError('INTERNAL', 'cyclic', cyclic));
    expect(error.code).toBe(Code.Internal);
    const detail = error.details[0];
    expect(detail && 'value' in detail ? detail.value : undefined).toMatchObject({ details: {} });
  });

  it('hides the message of an unexpected error behind INTERNAL', () => {
    const error = toConnectError(new Error('password=hunter2 at db.internal:5432'));
    expect(error.code).toBe(Code.Internal);
    expect(error.message).not.toContain('hunter2');
    expect(error.metadata.get(ERROR_CODE_HEADER)).toBe('INTERNAL');
  });

  it('passes a ConnectError through unchanged', () => {
    const original = new ConnectError('too big', Code.ResourceExhausted);
    expect(toConnectError(original)).toBe(original);
  });
});
