import { type AuthOptions, checkTrustProxy, RegistryError } from '@llmsr/core';

/** The security settings of the registry, read from the environment by {@link loadAuthConfig}. */
export interface AuthConfig {
  /** Passed to `createRegistry({ auth })`. */
  auth: AuthOptions;
  /** `TRUST_PROXY`: proxies whose `X-Forwarded-For` names the client. */
  trustProxy: string[];
  /** `METRICS_PUBLIC`: `/metrics` without credentials when auth is on (default on). */
  metricsPublic: boolean;
}

const MIN_ADMIN_KEY_LENGTH = 16;
/** Anonymous requests per address per minute when auth is on and nothing else is set. */
const DEFAULT_ANONYMOUS_LIMIT = 120;

function invalid(name: string, message: string): RegistryError {
  return new RegistryError('INVALID_INPUT', `${name} ${message}`, { field: name });
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw invalid(name, `must be on or off, got '${env[name]}'`);
}

function count(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(name, `must be a non-negative integer, got '${raw}'`);
  }
  return value;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const LOOPBACK_URL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function jwtOptions(env: NodeJS.ProcessEnv): AuthOptions['jwt'] {
  const jwksUrl = env.AUTH_JWKS_URL?.trim();
  if (!jwksUrl) return undefined;
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw invalid('AUTH_JWKS_URL', `must be a URL, got '${jwksUrl.slice(0, 200)}'`);
  }
  // Keys fetched over plain HTTP could be swapped on the way: only this machine may serve them so.
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_URL_HOST.test(url.hostname))
  ) {
    throw invalid('AUTH_JWKS_URL', 'must be an https:// URL (http:// only on localhost)');
  }
  const issuer = env.AUTH_ISSUER?.trim();
  if (!issuer) throw invalid('AUTH_ISSUER', 'must be set when AUTH_JWKS_URL is');
  const audience = list(env, 'AUTH_AUDIENCE');
  if (audience.length === 0) throw invalid('AUTH_AUDIENCE', 'must be set when AUTH_JWKS_URL is');
  const algorithms = list(env, 'AUTH_ALGORITHMS');
  for (const alg of algorithms) {
    if (!/^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(alg)) {
      throw invalid('AUTH_ALGORITHMS', `lists '${alg}', not an asymmetric JWS algorithm`);
    }
  }
  return {
    jwksUrl: url,
    issuer,
    audience,
    ...(algorithms.length > 0 ? { algorithms } : {}),
    ...(env.AUTH_ROLE_CLAIM ? { roleClaim: env.AUTH_ROLE_CLAIM } : {}),
    ...(env.AUTH_SUBJECTS_CLAIM ? { subjectsClaim: env.AUTH_SUBJECTS_CLAIM } : {}),
  };
}

/**
 * Read the security settings: `AUTH` (on/off, off by default), `ADMIN_API_KEY` (at least 16
 * characters), `AUTH_JWKS_URL` with `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_ALGORITHMS`,
 * `AUTH_ROLE_CLAIM`, `AUTH_SUBJECTS_CLAIM`; `AUDIT` (default: as `AUTH`) and
 * `AUDIT_RETENTION_DAYS` (90); `RATE_LIMIT_PER_MINUTE` for every caller and
 * `RATE_LIMIT_ANONYMOUS` / `_READER` / `_WRITER` / `_ADMIN` per kind (anonymous callers get 120
 * per address when auth is on and nothing is set); `TRUST_PROXY`; `METRICS_PUBLIC` (on).
 * A malformed value throws `INVALID_INPUT` naming the variable.
 *
 * @example
 * ```ts
 * loadAuthConfig({ AUTH: 'on', ADMIN_API_KEY: 'a-long-random-secret' }).auth.enabled; // true
 * ```
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const enabled = flag(env, 'AUTH', false);
  const adminApiKey = env.ADMIN_API_KEY || undefined;
  if (adminApiKey !== undefined && adminApiKey.length < MIN_ADMIN_KEY_LENGTH) {
    throw invalid('ADMIN_API_KEY', `must be at least ${MIN_ADMIN_KEY_LENGTH} characters`);
  }
  const all = count(env, 'RATE_LIMIT_PER_MINUTE');
  const anonymous =
    count(env, 'RATE_LIMIT_ANONYMOUS') ?? all ?? (enabled ? DEFAULT_ANONYMOUS_LIMIT : undefined);
  const trustProxy = list(env, 'TRUST_PROXY');
  try {
    checkTrustProxy(trustProxy);
  } catch (error) {
    throw invalid(
      'TRUST_PROXY',
      `must list addresses, CIDR ranges or loopback/linklocal/uniquelocal: ${(error as Error).message}`,
    );
  }
  return {
    auth: {
      enabled,
      adminApiKey,
      jwt: jwtOptions(env),
      audit: flag(env, 'AUDIT', enabled),
      auditRetentionDays: count(env, 'AUDIT_RETENTION_DAYS') ?? 90,
      rateLimits: {
        anonymous,
        reader: count(env, 'RATE_LIMIT_READER') ?? all,
        writer: count(env, 'RATE_LIMIT_WRITER') ?? all,
        admin: count(env, 'RATE_LIMIT_ADMIN') ?? all,
      },
    },
    trustProxy,
    metricsPublic: flag(env, 'METRICS_PUBLIC', true),
  };
}
