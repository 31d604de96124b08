import type { AuditResult, AuthRole } from '@llmsr/spec';

/** An API key as stored: never the secret itself, only its scrypt hash and salt. */
export interface ApiKeyRecord {
  /** Chosen by the caller (the key service), unique. */
  id: string;
  name: string;
  role: AuthRole;
  /** Subject prefixes the key is limited to; empty: every subject. */
  subjects: string[];
  /** The user name of HTTP Basic credentials (`basic.auth.user.info`), unique. */
  basicUser: string;
  /** scrypt hash of the secret, base64. */
  secretHash: string;
  /** The salt the hash was made with, base64. */
  salt: string;
  createdAt: string;
  /** The principal id that created the key. */
  createdBy: string | null;
  /** Set once by a revocation; a revoked key never authenticates again. */
  revokedAt: string | null;
}

/** Input of `SchemaStore.createApiKey` (`createdAt` and `revokedAt` are set by the store). */
export type NewApiKey = Omit<ApiKeyRecord, 'createdAt' | 'revokedAt'>;

/** Filters of `SchemaStore.listApiKeys`, newest first. */
export interface ApiKeyQuery {
  includeRevoked?: boolean;
  limit?: number;
  offset?: number;
}

/** One entry of the audit log. */
export interface AuditRecord {
  /** Assigned by the store, unique. */
  id: string;
  /** ISO-8601 time of the attempt. */
  time: string;
  /** The principal id (`key:<id>`, `jwt:<sub>`, `admin:bootstrap`), or `anonymous`. */
  principal: string;
  /** The action attempted (an `AuthAction` of `@llmsr/spec`, or another name for future kinds). */
  action: string;
  subject: string | null;
  result: AuditResult;
  clientAddress: string | null;
  /** Free-form JSON object (version, schema id, error code, reason of a refusal...). */
  details: Record<string, unknown>;
}

/** Input of `SchemaStore.appendAudit`; `time` defaults to now. */
export type NewAuditRecord = Omit<AuditRecord, 'id' | 'time'> & { time?: string };

/** Filters of `SchemaStore.listAudit`: every given filter must match; newest first. */
export interface AuditQuery {
  principal?: string;
  action?: string;
  subject?: string;
  result?: AuditResult;
  /** Inclusive lower bound on `time` (ISO-8601). */
  since?: string;
  /** Exclusive upper bound on `time` (ISO-8601). */
  until?: string;
  limit?: number;
  offset?: number;
}
