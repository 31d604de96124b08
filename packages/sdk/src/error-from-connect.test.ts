import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { ErrorDetailSchema } from '@llmsr/proto';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_HEADER, errorFromConnect, isTransientError } from './error-from-connect.js';
import { IncompatibleSchemaError, RegistryClientError } from './registry-client-error.js';

const context = { method: 'GetSchema', timeoutMs: 50 };

function withCode(code: Code, registryCode?: string, message = 'boom'): ConnectError {
  return new ConnectError(
    message,
    code,
    registryCode ? { [ERROR_CODE_HEADER]: registryCode } : undefined,
  );
}

describe('errorFromConnect', () => {
  it.each([
    // Connect code, registry code, expected code, expected status, retried
    [Code.NotFound, 'SUBJECT_NOT_FOUND', 'SUBJECT_NOT_FOUND', 404, false],
    [Code.InvalidArgument, 'INVALID_SCHEMA', 'INVALID_SCHEMA', 422, false],
    [Code.FailedPrecondition, 'INCOMPATIBLE_SCHEMA', 'INCOMPATIBLE_SCHEMA', 409, false],
    [Code.ResourceExhausted, 'RATE_LIMITED', 'RATE_LIMITED', 429, true],
    [Code.ResourceExhausted, 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 413, false],
    [Code.ResourceExhausted, 'TOO_MANY_STREAMS', 'TOO_MANY_STREAMS', 503, true],
    [Code.Unavailable, 'STORAGE_UNAVAILABLE', 'STORAGE_UNAVAILABLE', 503, true],
    [Code.Aborted, 'CONFLICT', 'CONFLICT', 409, false],
    [Code.Internal, 'INTERNAL', 'INTERNAL', 500, true],
    [Code.Internal, 'SOME_FUTURE_CODE', 'SOME_FUTURE_CODE', 500, true],
    [Code.PermissionDenied, 'SOME_FUTURE_CODE', 'SOME_FUTURE_CODE', 403, false],
    [Code.Unavailable, undefined, 'NETWORK_ERROR', undefined, true],
    [Code.DeadlineExceeded, undefined, 'TIMEOUT', undefined, true],
    [Code.ResourceExhausted, undefined, 'PAYLOAD_TOO_LARGE', 413, false],
    [Code.Unimplemented, undefined, 'ROUTE_UNAVAILABLE', 404, false],
    [Code.Unknown, undefined, 'RPC_ERROR', 500, true],
    [Code.Unauthenticated, undefined, 'UNAUTHENTICATED', 401, false],
    [Code.PermissionDenied, undefined, 'FORBIDDEN', 403, false],
  ] as const)(
    'maps %s with registry code %s to %s (status %s, retried %s)',
    (connectCode, registryCode, code, status, retried) => {
      const error = errorFromConnect(withCode(connectCode, registryCode), context);
      expect(error).toBeInstanceOf(RegistryClientError);
      expect(error).toMatchObject({ code, status });
      expect(isTransientError(error)).toBe(retried);
    },
  );

  it('reads the code, message and details of an ErrorDetail when the header is missing', () => {
    const detail = create(ErrorDetailSchema, {
      code: 'INCOMPATIBLE_SCHEMA',
      message: 'breaks v1',
      details: { report: { violations: [{ rule: 'R', path: '/a', compared_version: 1 }] } },
    });
    const error = errorFromConnect(
      new ConnectError('other text', Code.FailedPrecondition, undefined, [
        { desc: ErrorDetailSchema, value: detail },
      ]),
      context,
    );
    expect(error).toBeInstanceOf(IncompatibleSchemaError);
    expect(error.message).toBe('breaks v1');
    expect((error as IncompatibleSchemaError).violations[0]).toMatchObject({
      rule: 'R',
      path: '/a',
      comparedVersion: 1,
    });
  });

  it('says ABORTED when the caller aborted, whatever Connect reports', () => {
    const controller = new AbortController();
    controller.abort();
    const error = errorFromConnect(withCode(Code.Canceled), {
      ...context,
      signal: controller.signal,
    });
    expect(error.code).toBe('ABORTED');
  });

  it('wraps values that are not errors and passes client errors through', () => {
    expect(errorFromConnect('a string', context).code).toBe('RPC_ERROR');
    const own = new RegistryClientError('INVALID_ARGUMENT', 'x', undefined);
    expect(errorFromConnect(own, context)).toBe(own);
  });

  it('keeps hostile detail keys as plain data', () => {
    const detail = create(ErrorDetailSchema, {
      code: 'INVALID_INPUT',
      message: 'bad',
      details: JSON.parse('{"__proto__": {"polluted": true}, "field_name": "x"}'),
    });
    const error = errorFromConnect(
      new ConnectError('bad', Code.InvalidArgument, undefined, [
        { desc: ErrorDetailSchema, value: detail },
      ]),
      context,
    );
    expect(error.details.fieldName).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
