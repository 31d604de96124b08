import { describe, expect, it } from 'vitest';
import { connectPortFromEnv } from './start-connect-server.js';

describe('connectPortFromEnv', () => {
  it('defaults to 8082', () => {
    expect(connectPortFromEnv({})).toBe(8082);
    expect(connectPortFromEnv({ CONNECT_PORT: '' })).toBe(8082);
  });

  it('reads CONNECT_PORT', () => {
    expect(connectPortFromEnv({ CONNECT_PORT: '9092' })).toBe(9092);
    expect(connectPortFromEnv({ CONNECT_PORT: '0' })).toBe(0);
  });

  it.each(['http', '-1', '65536', '80.5', '1e3x'])(
    'rejects CONNECT_PORT=%s with INVALID_INPUT',
    (raw) => {
      expect(() => connectPortFromEnv({ CONNECT_PORT: raw })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'CONNECT_PORT' } }),
      );
    },
  );
});
