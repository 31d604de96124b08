import { RegistryError } from '@llmsr/core';
import { JSON_SCHEMA_DRAFTS } from './config-extra-fields.js';

/** A JSON Schema draft name (`JSON_SCHEMA_DEFAULT_DRAFT`). */
export type JsonSchemaDraft = (typeof JSON_SCHEMA_DRAFTS)[number];

/** Server configuration, read from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  storageUrl: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  schemaBodyLimit: number;
  dataBodyLimit: number;
  /** Origins CORS allows (`*` for any); CORS is off when empty. */
  corsOrigins?: string[];
  /** Requests per client per minute; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Change events kept for resuming streams. */
  eventRetention?: number;
  /** The draft a JSON Schema without `$schema` is read as, unless a config says otherwise. */
  jsonSchemaDefaultDraft?: JsonSchemaDraft;
}

/**
 * The port of the Connect-RPC server from `CONNECT_PORT`: 8082 by default, `off` for none.
 */
export function loadConnectPort(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.CONNECT_PORT;
  if (raw?.toLowerCase() === 'off') return null;
  const port = positiveInteger(env, 'CONNECT_PORT', 8082);
  if (port > 65_535) {
    throw new RegistryError('INVALID_INPUT', `CONNECT_PORT must be at most 65535, got ${port}`, {
      field: 'CONNECT_PORT',
    });
  }
  return port;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RegistryError(
      'INVALID_INPUT',
      `${name} must be a non-negative integer, got '${raw}'`,
      { field: name },
    );
  }
  return value;
}

/**
 * Read `PORT` (8081), `HOST` (0.0.0.0), `STORAGE_URL` (`sqlite:./data/registry.db`), `LOG_LEVEL`
 * (info; silent under `NODE_ENV=test`), `SCHEMA_BODY_LIMIT` (1 MB), `DATA_BODY_LIMIT` (10 MB),
 * `CORS_ORIGINS` (comma-separated, off by default), `RATE_LIMIT_PER_MINUTE` (0: off),
 * `EVENT_RETENTION` (10,000) and `JSON_SCHEMA_DEFAULT_DRAFT` (draft-07, as Confluent).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = (env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info')).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new RegistryError('INVALID_INPUT', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`, {
      field: 'LOG_LEVEL',
    });
  }
  const draft = env.JSON_SCHEMA_DEFAULT_DRAFT || 'draft-07';
  if (!(JSON_SCHEMA_DRAFTS as readonly string[]).includes(draft)) {
    throw new RegistryError(
      'INVALID_INPUT',
      `JSON_SCHEMA_DEFAULT_DRAFT must be one of ${JSON_SCHEMA_DRAFTS.join(', ')}, got '${draft}'`,
      { field: 'JSON_SCHEMA_DEFAULT_DRAFT' },
    );
  }
  const port = positiveInteger(env, 'PORT', 8081);
  if (port > 65_535) {
    throw new RegistryError('INVALID_INPUT', `PORT must be at most 65535, got ${port}`, {
      field: 'PORT',
    });
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    storageUrl: env.STORAGE_URL ?? 'sqlite:./data/registry.db',
    logLevel: logLevel as ServerConfig['logLevel'],
    schemaBodyLimit: positiveInteger(env, 'SCHEMA_BODY_LIMIT', 1_000_000),
    dataBodyLimit: positiveInteger(env, 'DATA_BODY_LIMIT', 10_000_000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    rateLimitPerMinute: positiveInteger(env, 'RATE_LIMIT_PER_MINUTE', 0),
    eventRetention: Math.max(1, positiveInteger(env, 'EVENT_RETENTION', 10_000)),
    jsonSchemaDefaultDraft: draft as JsonSchemaDraft,
  };
}
