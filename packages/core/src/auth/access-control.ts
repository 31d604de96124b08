import type { AuditResult, AuthAction, Principal } from '@llmsr/spec';
import { MUTATING_ACTIONS } from '@llmsr/spec';
import type { SchemaStore } from '@llmsr/storage';
import { RegistryError } from '../registry-error.js';
import { type ApiKeyService, createApiKeyService } from './api-key-service.js';
import { type AuditRecorder, createAuditRecorder } from './audit-recorder.js';
import { authorizeOrThrow } from './authorize.js';
import { createAuthenticator } from './create-authenticator.js';
import { createRateLimiter, type RateLimiter, type RateLimits } from './create-rate-limiter.js';
import { createJwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';
import type { CredentialHeaders } from './parse-credentials.js';
import { filterSubjects, hasSubjectLimit, subjectAllowed } from './subject-prefixes.js';

/** How the registry authenticates, authorises, audits and limits (`AUTH=on` and friends). */
export interface AuthOptions {
  /** `AUTH=on`: every API call needs credentials. Off by default (the embedded quick start). */
  enabled?: boolean | undefined;
  /** `ADMIN_API_KEY`: the bootstrap admin key (also Basic `admin:<key>`), never stored. */
  adminApiKey?: string | undefined;
  /** JWT bearer tokens verified against a JWKS (`AUTH_JWKS_URL`, ...). */
  jwt?: JwtVerifierOptions | undefined;
  /** Record mutations and refusals (default: on when auth is on). */
  audit?: boolean | undefined;
  /** Days audit entries are kept (`AUDIT_RETENTION_DAYS`, default 90; 0 keeps them forever). */
  auditRetentionDays?: number | undefined;
  /** Requests per minute per principal, by role, and per address when anonymous. */
  rateLimits?: RateLimits | undefined;
  /** Called when an audit entry cannot be stored (the request is not failed for it). */
  onAuditError?: ((error: unknown) => void) | undefined;
}

/** One attempt to act, as the apps describe it to {@link AccessControl.check}. */
export interface AccessAttempt {
  principal: Principal | undefined;
  action: AuthAction;
  /** The subject the request names, when it names one. */
  subject?: string | undefined;
  /**
   * The schema id the request reads by, when it names no subject: a prefix-limited principal
   * may use it only when a subject it sees holds the schema.
   */
  schemaId?: number | string | undefined;
  /** The client's address (socket, or the trusted proxy's `X-Forwarded-For`). */
  clientAddress?: string | undefined;
  /**
   * Why the request's credentials were refused by `authenticate`, when they were: `check`
   * records the refusal and throws it, so refused credentials are audited like any refusal.
   */
  credentialsError?: unknown;
}

/**
 * Authentication, authorisation, audit and rate limits in one place below the apps: REST, the
 * Confluent API and Connect all call it, so no adapter decides on its own.
 */
export interface AccessControl {
  /** Whether credentials are required (`AUTH=on`). */
  readonly enabled: boolean;
  /** Whether mutations and refusals are recorded. */
  readonly auditing: boolean;
  readonly keys: ApiKeyService;
  readonly audit: AuditRecorder;
  readonly rateLimiter: RateLimiter;
  /**
   * The principal behind the request's credentials; `undefined` without credentials or when auth
   * is off (credentials are then ignored). Throws `UNAUTHENTICATED` for invalid ones.
   */
  authenticate(headers: CredentialHeaders): Promise<Principal | undefined>;
  /**
   * Allows the attempt or throws `UNAUTHENTICATED` / `FORBIDDEN`, recording the refusal. With
   * auth off every attempt is allowed.
   */
  check(attempt: AccessAttempt): Promise<void>;
  /** Records the outcome of an allowed mutation (nothing for reads, or when not auditing). */
  recordOutcome(
    attempt: AccessAttempt,
    result: AuditResult,
    details?: Record<string, unknown>,
  ): Promise<void>;
  /** Whether the principal may see the subject (always with auth off; never anonymously with it on). */
  canSee(principal: Principal | undefined, subject: string): boolean;
  /**
   * Whether a change event may be streamed to the principal: events of a subject it may see,
   * and audit and key events (`audit.*`, `auth.*`) to admins only. Everything with auth off.
   */
  canSeeEvent(
    principal: Principal | undefined,
    event: { type: string; subject?: string | null | undefined },
  ): boolean;
  /** The subjects of a listing the principal may see. */
  filterSubjects<T extends string>(principal: Principal | undefined, subjects: readonly T[]): T[];
  /** Stops following key revocations and the audit pruning timer. */
  close(): void;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Create the {@link AccessControl} of a registry over its store.
 *
 * @example
 * ```ts
 * const access = createAccessControl(store, { enabled: true, adminApiKey: process.env.ADMIN_API_KEY });
 * const principal = await access.authenticate({ authorization: request.headers.authorization });
 * await access.check({ principal, action: 'schema.register', subject: 'orders-value' });
 * ```
 */
export function createAccessControl(
  store: SchemaStore,
  options: AuthOptions & {
    /** The subjects holding a schema id (for prefix-limited principals reading by id). */
    subjectsOfSchema?: ((idOrGuid: number | string) => Promise<readonly string[]>) | undefined;
  } = {},
): AccessControl {
  const enabled = options.enabled === true;
  const auditing = options.audit ?? enabled;
  const keys = createApiKeyService({ store, adminApiKey: options.adminApiKey });
  const authenticator = createAuthenticator({
    keys,
    jwt: options.jwt ? createJwtVerifier(options.jwt) : undefined,
  });
  const audit = createAuditRecorder({
    store,
    retentionDays: options.auditRetentionDays,
    onError: options.onAuditError,
  });
  const rateLimiter = createRateLimiter(options.rateLimits ?? {});
  const prune = () => void audit.prune().catch((error) => options.onAuditError?.(error));
  const pruning = auditing ? setInterval(prune, PRUNE_EVERY_MS) : undefined;
  pruning?.unref();
  if (auditing) prune();

  const record = async (attempt: AccessAttempt, result: AuditResult, details = {}) => {
    await audit.recordAudit({
      principal: attempt.principal,
      action: attempt.action,
      subject: attempt.subject,
      result,
      clientAddress: attempt.clientAddress,
      details,
    });
  };

  return {
    enabled,
    auditing,
    keys,
    audit,
    rateLimiter,
    authenticate: (headers) =>
      enabled ? authenticator.authenticate(headers) : Promise.resolve(undefined),
    async check(attempt) {
      if (!enabled) return;
      if (attempt.credentialsError !== undefined) {
        const reason = (attempt.credentialsError as Error)?.message ?? 'invalid credentials';
        if (auditing) await record(attempt, 'denied', { reason });
        throw attempt.credentialsError;
      }
      try {
        authorizeOrThrow(attempt.principal, attempt.action, { subject: attempt.subject });
        const { principal, schemaId } = attempt;
        if (attempt.subject === undefined && schemaId !== undefined && hasSubjectLimit(principal)) {
          const subjects = (await options.subjectsOfSchema?.(schemaId)) ?? [];
          if (!subjects.some((subject) => subjectAllowed(principal, subject))) {
            throw new RegistryError(
              'FORBIDDEN',
              `Forbidden: schema ${schemaId} is not under this principal's subject prefixes`,
              { action: attempt.action, schema_id: schemaId },
            );
          }
        }
      } catch (error) {
        if (auditing) await record(attempt, 'denied', { reason: (error as Error).message });
        throw error;
      }
    },
    async recordOutcome(attempt, result, details) {
      if (auditing && MUTATING_ACTIONS.has(attempt.action)) await record(attempt, result, details);
    },
    canSee: (principal, subject) =>
      !enabled || (principal !== undefined && subjectAllowed(principal, subject)),
    canSeeEvent(principal, event) {
      if (!enabled) return true;
      if (!principal) return false;
      if (event.type.startsWith('audit.') || event.type.startsWith('auth.')) {
        return principal.role === 'admin' && !hasSubjectLimit(principal);
      }
      return typeof event.subject !== 'string' || subjectAllowed(principal, event.subject);
    },
    filterSubjects: (principal, subjects) => {
      if (!enabled) return [...subjects];
      return principal ? filterSubjects(principal, subjects) : [];
    },
    close() {
      if (pruning) clearInterval(pruning);
      keys.close();
    },
  };
}
