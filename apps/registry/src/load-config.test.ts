import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('reads defaults from an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8081,
      connectPort: 8082,
      storageUrl: 'sqlite:./data/registry.db',
      logLevel: 'info',
      schemaBodyLimit: 1_000_000,
      dataBodyLimit: 10_000_000,
    });
  });

  it('refuses a malformed environment with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads CONNECT_PORT, with off for none', () => {
    expect(loadConfig({}).connectPort).toBe(8082);
    expect(loadConfig({ CONNECT_PORT: '' }).connectPort).toBe(8082);
    expect(loadConfig({ CONNECT_PORT: '9000' }).connectPort).toBe(9000);
    expect(loadConfig({ CONNECT_PORT: '0' }).connectPort).toBe(0);
    expect(loadConfig({ CONNECT_PORT: 'off' }).connectPort).toBeNull();
    expect(loadConfig({ CONNECT_PORT: 'OFF' }).connectPort).toBeNull();
  });

  it.each(['x', 'http', '-1', '65536', '80.5', '1e3x'])(
    'rejects CONNECT_PORT=%s with INVALID_INPUT naming the variable',
    (raw) => {
      expect(() => loadConfig({ CONNECT_PORT: raw })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'CONNECT_PORT' } }),
      );
    },
  );

  it('reads CORS_ORIGINS, RATE_LIMIT_PER_MINUTE and EVENT_RETENTION', () => {
    expect(loadConfig({})).toMatchObject({
      corsOrigins: [],
      rateLimitPerMinute: 0,
      eventRetention: 10_000,
    });
    expect(
      loadConfig({
        CORS_ORIGINS: ' https://a.example , *',
        RATE_LIMIT_PER_MINUTE: '120',
        EVENT_RETENTION: '50',
      }),
    ).toMatchObject({
      corsOrigins: ['https://a.example', '*'],
      rateLimitPerMinute: 120,
      eventRetention: 50,
    });
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ EVENT_RETENTION: '-1' })).toThrow(/EVENT_RETENTION/);
  });

  it('is silent under NODE_ENV=test unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({}).logLevel).toBe('info');
  });

  it('reads JSON_SCHEMA_DEFAULT_DRAFT, draft-07 by default', () => {
    expect(loadConfig({}).jsonSchemaDefaultDraft).toBe('draft-07');
    expect(loadConfig({ JSON_SCHEMA_DEFAULT_DRAFT: '2020-12' }).jsonSchemaDefaultDraft).toBe(
      '2020-12',
    );
  });

  it('refuses a draft it does not know', () => {
    expect(() => loadConfig({ JSON_SCHEMA_DEFAULT_DRAFT: 'draft-3' })).toThrow(
      /JSON_SCHEMA_DEFAULT_DRAFT must be one of draft-04, draft-06, draft-07, 2019-09, 2020-12/,
    );
  });
});
