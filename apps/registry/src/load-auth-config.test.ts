import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from './load-auth-config.js';

describe('loadAuthConfig', () => {
  it('leaves auth, audit and limits off in an empty environment', () => {
    const { auth, trustProxy, metricsPublic } = loadAuthConfig({});
    expect(auth.enabled).toBe(false);
    expect(auth.audit).toBe(false);
    expect(auth.rateLimits).toEqual({
      anonymous: undefined,
      reader: undefined,
      writer: undefined,
      admin: undefined,
    });
    expect(trustProxy).toEqual([]);
    expect(metricsPublic).toBe(true);
  });

  it('turns audit and an anonymous limit on with AUTH=on, each overridable', () => {
    const on = loadAuthConfig({ AUTH: 'on', ADMIN_API_KEY: 'a-long-enough-secret' });
    expect(on.auth).toMatchObject({
      enabled: true,
      audit: true,
      adminApiKey: 'a-long-enough-secret',
    });
    expect(on.auth.rateLimits?.anonymous).toBe(120);
    const tuned = loadAuthConfig({
      AUTH: 'true',
      AUDIT: 'off',
      RATE_LIMIT_PER_MINUTE: '600',
      RATE_LIMIT_READER: '6000',
      AUDIT_RETENTION_DAYS: '7',
    });
    expect(tuned.auth).toMatchObject({ audit: false, auditRetentionDays: 7 });
    expect(tuned.auth.rateLimits).toEqual({
      anonymous: 600,
      reader: 6000,
      writer: 600,
      admin: 600,
    });
  });

  it('reads the JWT settings, with the algorithms pinned', () => {
    const { auth } = loadAuthConfig({
      AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example/',
      AUTH_AUDIENCE: 'llmsr, llmsr-admin',
      AUTH_ALGORITHMS: 'ES256',
      AUTH_ROLE_CLAIM: 'realm_access.roles',
    });
    expect(auth.jwt).toMatchObject({
      issuer: 'https://idp.example/',
      audience: ['llmsr', 'llmsr-admin'],
      algorithms: ['ES256'],
      roleClaim: 'realm_access.roles',
    });
  });

  it.each([
    [{ AUTH: 'maybe' }, 'AUTH'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ AUTH_JWKS_URL: 'not a url', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, 'AUTH_JWKS_URL'],
    [
      { AUTH_JWKS_URL: 'http://idp.example/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' },
      'AUTH_JWKS_URL',
    ],
    [{ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_AUDIENCE: 'a' }, 'AUTH_ISSUER'],
    [{ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'i' }, 'AUTH_AUDIENCE'],
    [
      {
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        AUTH_ISSUER: 'i',
        AUTH_AUDIENCE: 'a',
        AUTH_ALGORITHMS: 'HS256',
      },
      'AUTH_ALGORITHMS',
    ],
    [{ AUDIT: 'sometimes' }, 'AUDIT'],
    [{ RATE_LIMIT_WRITER: '-1' }, 'RATE_LIMIT_WRITER'],
    [{ TRUST_PROXY: 'not-an-address' }, 'TRUST_PROXY'],
    [{ METRICS_PUBLIC: 'perhaps' }, 'METRICS_PUBLIC'],
  ])('refuses %j naming %s', (env, field) => {
    expect(() => loadAuthConfig(env)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: { field } }),
    );
  });

  it('accepts http JWKS URLs on this machine only', () => {
    const local = loadAuthConfig({
      AUTH_JWKS_URL: 'http://127.0.0.1:9999/jwks',
      AUTH_ISSUER: 'i',
      AUTH_AUDIENCE: 'a',
    });
    expect(String(local.auth.jwt?.jwksUrl)).toBe('http://127.0.0.1:9999/jwks');
  });
});
