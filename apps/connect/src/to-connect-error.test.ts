import { Code, ConnectError } from '@connectrpc/connect';
import { ERROR_CODES, RegistryError } from '@llmsr/core';
import { ErrorDetailSchema } from '@llmsr/proto';
import { describe, expect, it, vi } from 'vitest';
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
    const error = toConnectError(new RegistryError('INVALID_INPUT', 'cyclic', cyclic));
    expect(error.code).toBe(Code.InvalidArgument);
    const detail = error.details[0];
    expect(detail && 'value' in detail ? detail.value : undefined).toMatchObject({ details: {} });
  });

  it('hides the message of an unexpected error behind INTERNAL', () => {
    const error = toConnectError(new Error('password=hunter2 at db.internal:5432'));
    expect(error.code).toBe(Code.Internal);
    expect(error.message).not.toContain('hunter2');
    expect(error.metadata.get(ERROR_CODE_HEADER)).toBe('INTERNAL');
  });

  it('answers a registry INTERNAL (e.g. a SQL failure) with a request id and logs the raw text under it', () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line) => void logged.push(line));
    try {
      const sql = new Error('relation "schemas" does not exist (SQLSTATE 42P01)');
      const error = toConnectError(
        new RegistryError('INTERNAL', `Internal error: ${sql.message}`, {}, { cause: sql }),
      );
      expect(error.code).toBe(Code.Internal);
      expect(error.rawMessage).toMatch(/^Internal error; request id [0-9a-f-]{36}$/);
      expect(error.rawMessage).not.toContain('relation');
      const id = error.rawMessage.slice('Internal error; request id '.length);
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({ request_id: id });
      expect(logged[0]).toContain('SQLSTATE 42P01');
    } finally {
      spy.mockRestore();
    }
  });

  it('passes a ConnectError through unchanged', () => {
    const original = new ConnectError('too big', Code.ResourceExhausted);
    expect(toConnectError(original)).toBe(original);
  });
});
