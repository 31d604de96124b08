import type { JSON_SCHEMA_DRAFTS } from '@llmsr/spec';
import type { LogLevel } from './middleware/create-logger.js';

/** A JSON Schema draft name (`JSON_SCHEMA_DEFAULT_DRAFT`). */
export type JsonSchemaDraft = (typeof JSON_SCHEMA_DRAFTS)[number];

/**
 * What {@link startServer} needs to run the REST server. The environment is read once, by the
 * composition root (`@llmsr/registry`'s `loadConfig`); tests build it from
 * {@link DEFAULT_SERVER_CONFIG}.
 */
export interface ServerConfig {
  port: number;
  host: string;
  storageUrl: string;
  logLevel: LogLevel;
  schemaBodyLimit: number;
  dataBodyLimit: number;
  /** Origins CORS allows (`*` for any); CORS is off when empty. */
  corsOrigins?: string[];
  /**
   * Requests per client per minute, for every kind of caller, when `startServer` creates the
   * registry; 0 turns the limit off. (`@llmsr/registry` sets limits per role on the registry.)
   */
  rateLimitPerMinute?: number;
  /**
   * Proxies whose `X-Forwarded-For` names the client (`TRUST_PROXY`: addresses, CIDR ranges,
   * `loopback`, `uniquelocal`); empty: the socket's address is the client's.
   */
  trustProxy?: string[];
  /** Whether `/metrics` answers without credentials when auth is on (`METRICS_PUBLIC`). */
  metricsPublic?: boolean;
  /** Change events kept for resuming streams. */
  eventRetention?: number;
  /** The draft a JSON Schema without `$schema` is read as, unless a config says otherwise. */
  jsonSchemaDefaultDraft?: JsonSchemaDraft;
}

/** The defaults of every setting: the values an empty environment gives. */
export const DEFAULT_SERVER_CONFIG: Readonly<Required<ServerConfig>> = Object.freeze({
  port: 8081,
  host: '0.0.0.0',
  storageUrl: 'sqlite:./data/registry.db',
  logLevel: 'info',
  schemaBodyLimit: 1_000_000,
  dataBodyLimit: 10_000_000,
  corsOrigins: [],
  rateLimitPerMinute: 0,
  trustProxy: [],
  metricsPublic: true,
  eventRetention: 10_000,
  jsonSchemaDefaultDraft: 'draft-07',
});
