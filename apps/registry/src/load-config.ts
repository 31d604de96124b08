import { RegistryError } from '@llmsr/core';
import {
  DEFAULT_SERVER_CONFIG,
  JSON_SCHEMA_DRAFTS,
  type LogLevel,
  type ServerConfig,
} from '@llmsr/server';
import { type AuthConfig, loadAuthConfig } from './load-auth-config.js';

/** Everything the deployable registry reads from the environment, once, at start. */
export interface RegistryConfig extends Required<ServerConfig> {
  /** Port of the Connect-RPC server (Connect, gRPC, gRPC-web); `null` when `CONNECT_PORT=off`. */
  connectPort: number | null;
  /** PEM files both servers use for TLS (`TLS_CERT_FILE`, `TLS_KEY_FILE`); `null`: plain HTTP. */
  tls: TlsFiles | null;
  /** Authentication, audit and rate limits (`AUTH`, `ADMIN_API_KEY`, ...; see `loadAuthConfig`). */
  auth: AuthConfig['auth'];
}

/** Paths of the PEM certificate (chain) and private key, read once at start by `startRegistry`. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function invalid(name: string, message: string): RegistryError {
  return new RegistryError('INVALID_INPUT', `${name} ${message}`, { field: name });
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(name, `must be a non-negative integer, got '${raw}'`);
  }
  return value;
}

function portNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = nonNegativeInteger(env, name, fallback);
  if (port > 65_535) throw invalid(name, `must be at most 65535, got ${port}`);
  return port;
}

/** Both TLS variables or neither: one alone would silently serve plain HTTP. */
function tlsFiles(env: NodeJS.ProcessEnv): TlsFiles | null {
  const certFile = env.TLS_CERT_FILE || undefined;
  const keyFile = env.TLS_KEY_FILE || undefined;
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined) throw invalid('TLS_CERT_FILE', 'must be set when TLS_KEY_FILE is');
  if (keyFile === undefined) throw invalid('TLS_KEY_FILE', 'must be set when TLS_CERT_FILE is');
  return { certFile, keyFile };
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalid(name, `must be one of ${allowed.join(', ')}, got '${raw}'`);
  }
  return raw as T;
}

/**
 * Read the configuration from the environment (the only place that reads it): `PORT` (8081),
 * `CONNECT_PORT` (8082, `off` for none), `HOST` (0.0.0.0), `STORAGE_URL`
 * (`sqlite:./data/registry.db`), `LOG_LEVEL` (info; silent under `NODE_ENV=test`),
 * `SCHEMA_BODY_LIMIT` (1 MB), `DATA_BODY_LIMIT` (10 MB), `CORS_ORIGINS` (comma-separated, off by
 * default), `RATE_LIMIT_PER_MINUTE` (0: off), `EVENT_RETENTION` (10,000),
 * `JSON_SCHEMA_DEFAULT_DRAFT` (draft-07, as Confluent) and `TLS_CERT_FILE` with `TLS_KEY_FILE`
 * (both or neither; off by default), and the security settings of `loadAuthConfig` (`AUTH`,
 * `ADMIN_API_KEY`, `TRUST_PROXY`, ...). A malformed value throws `INVALID_INPUT`
 * with `details.field` naming the variable.
 *
 * @example
 * ```ts
 * const config = loadConfig({ PORT: '9090', CONNECT_PORT: 'off', STORAGE_URL: 'memory:' });
 * ```
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const defaults = DEFAULT_SERVER_CONFIG;
  const logLevel = oneOf(
    'LOG_LEVEL',
    (env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : defaults.logLevel)).toLowerCase(),
    LOG_LEVELS,
  );
  const connectPort =
    env.CONNECT_PORT?.toLowerCase() === 'off' ? null : portNumber(env, 'CONNECT_PORT', 8082);
  const security = loadAuthConfig(env);
  return {
    port: portNumber(env, 'PORT', defaults.port),
    connectPort,
    tls: tlsFiles(env),
    host: env.HOST || defaults.host,
    storageUrl: env.STORAGE_URL || defaults.storageUrl,
    logLevel,
    schemaBodyLimit: nonNegativeInteger(env, 'SCHEMA_BODY_LIMIT', defaults.schemaBodyLimit),
    dataBodyLimit: nonNegativeInteger(env, 'DATA_BODY_LIMIT', defaults.dataBodyLimit),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    rateLimitPerMinute: nonNegativeInteger(
      env,
      'RATE_LIMIT_PER_MINUTE',
      defaults.rateLimitPerMinute,
    ),
    eventRetention: Math.max(
      1,
      nonNegativeInteger(env, 'EVENT_RETENTION', defaults.eventRetention),
    ),
    jsonSchemaDefaultDraft: oneOf(
      'JSON_SCHEMA_DEFAULT_DRAFT',
      env.JSON_SCHEMA_DEFAULT_DRAFT || defaults.jsonSchemaDefaultDraft,
      JSON_SCHEMA_DRAFTS,
    ),
    auth: security.auth,
    trustProxy: security.trustProxy,
    metricsPublic: security.metricsPublic,
  };
}
