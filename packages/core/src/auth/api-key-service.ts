import { randomBytes } from 'node:crypto';
import { type AuthRole, isAuthRole, type Principal } from '@llmsr/spec';
import type { ApiKeyRecord, SchemaStore } from '@llmsr/storage';
import { LRUCache } from 'lru-cache';
import { RegistryError } from '../registry-error.js';
import { digestOf, hashSecret, newSecret, sameSecret, verifySecret } from './api-key-secret.js';
import { followKeyRevocations, KEY_REVOKED_EVENT } from './follow-key-revocations.js';
import type { Credentials } from './parse-credentials.js';

/** Prefix of every API key, so a key is told apart from a JWT and found by secret scanners. */
const KEY_PREFIX = 'llmsr_';
const KEY_PATTERN = /^llmsr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** The HTTP Basic user name of the bootstrap admin key. */
export const BOOTSTRAP_BASIC_USER = 'admin';

/** Input of {@link ApiKeyService.create}. */
export interface NewApiKeyInput {
  name: string;
  role: AuthRole;
  /** Subject prefixes the key is limited to; absent or empty: every subject. */
  subjects?: readonly string[] | undefined;
}

/** What {@link ApiKeyService.create} answers once; the secret is never readable again. */
export interface CreatedApiKey {
  id: string;
  /** For `Authorization: Bearer` and `X-API-Key`. */
  key: string;
  /** For HTTP Basic (`basic.auth.user.info = basic_user:basic_password`). */
  basic_user: string;
  basic_password: string;
}

/** An API key as listed: everything but the hash and salt. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash' | 'salt'>;

/** Creates, lists, revokes and verifies API keys. */
export interface ApiKeyService {
  /** Stores a new key (scrypt hash only) and answers its secret once. */
  create(input: NewApiKeyInput, createdBy: Principal): Promise<CreatedApiKey>;
  list(options?: {
    includeRevoked?: boolean;
    limit?: number;
    offset?: number;
  }): Promise<{ total: number; items: ApiKeyView[] }>;
  /**
   * Revokes a key (false when missing or already revoked), effective at once here and, through
   * the store's change events, on every other node as soon as it reads them.
   */
  revoke(id: string, revokedBy: Principal): Promise<boolean>;
  /**
   * The principal of an API key or Basic credential; undefined when the token is not an API key
   * (a JWT, for the JWT verifier). Throws `UNAUTHENTICATED` for a wrong, unknown or revoked key.
   */
  authenticate(credentials: Credentials): Promise<Principal | undefined>;
  /** Stops following revocation events. */
  close(): void;
}

/** Options of {@link createApiKeyService}. */
export interface ApiKeyServiceOptions {
  store: SchemaStore;
  /** `ADMIN_API_KEY`: a bootstrap admin key (also Basic `admin:<key>`), never stored. */
  adminApiKey?: string | undefined;
  /**
   * How long a verified key is trusted without scrypt (default 60 s). Revocations clear the cache
   * as soon as their event is read; the TTL bounds staleness should an event be missed.
   */
  cacheTtlMs?: number;
  /** Most verified keys cached (default 10,000). */
  cacheMax?: number;
}

/**
 * Create the {@link ApiKeyService}. Keys look like `llmsr_<16 hex id>_<43 char secret>`; only an
 * scrypt hash of the secret is stored, and a verified key is cached by its SHA-256 digest so the
 * ~50 ms scrypt runs once per key and TTL, not once per request.
 *
 * @example
 * ```ts
 * const keys = createApiKeyService({ store, adminApiKey: process.env.ADMIN_API_KEY });
 * const { key } = await keys.create({ name: 'ci', role: 'writer' }, admin);
 * ```
 */
export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const { store } = options;
  const cache = new LRUCache<string, Principal>({
    max: Math.max(1, options.cacheMax ?? 10_000),
    ttl: Math.max(1, options.cacheTtlMs ?? 60_000),
  });
  const stopFollowing = followKeyRevocations(store, () => cache.clear());

  const verify = async (record: ApiKeyRecord | undefined, secret: string, digest: string) => {
    if (!record || record.revokedAt !== null || !(await verifySecret(secret, record))) {
      throw new RegistryError('UNAUTHENTICATED', 'Invalid or revoked API key');
    }
    const principal = toPrincipal(record);
    cache.set(digest, principal);
    return principal;
  };

  return {
    async create(input, createdBy) {
      if (typeof input.name !== 'string' || input.name.trim() === '') {
        throw new RegistryError('INVALID_INPUT', 'An API key needs a name', { field: 'name' });
      }
      if (!isAuthRole(input.role)) {
        throw new RegistryError('INVALID_INPUT', 'role must be reader, writer or admin', {
          field: 'role',
        });
      }
      const subjects = [...(input.subjects ?? [])];
      if (subjects.some((s) => typeof s !== 'string' || s === '')) {
        throw new RegistryError('INVALID_INPUT', 'subjects must be non-empty prefixes', {
          field: 'subjects',
        });
      }
      const id = randomBytes(8).toString('hex');
      const secret = newSecret();
      await store.createApiKey(
        {
          id,
          name: input.name,
          role: input.role,
          subjects,
          basicUser: id,
          ...(await hashSecret(secret)),
          createdBy: createdBy.id,
        },
        { event: { type: 'auth.key.created', payload: { id, role: input.role } } },
      );
      return { id, key: `${KEY_PREFIX}${id}_${secret}`, basic_user: id, basic_password: secret };
    },

    async list(query = {}) {
      const { total, items } = await store.listApiKeys(query);
      return { total, items: items.map(({ secretHash: _h, salt: _s, ...view }) => view) };
    },

    async revoke(id, revokedBy) {
      const revoked = await store.revokeApiKey(id, {
        event: { type: KEY_REVOKED_EVENT, payload: { id, by: revokedBy.id } },
      });
      if (revoked) cache.clear();
      return revoked;
    },

    async authenticate(credentials) {
      const presented =
        credentials.kind === 'bearer'
          ? credentials.token
          : `${credentials.user}:${credentials.password}`;
      const digest = digestOf(`${credentials.kind}:${presented}`);
      const cached = cache.get(digest);
      if (cached) return cached;

      const admin = options.adminApiKey;
      if (admin) {
        const adminPresented =
          credentials.kind === 'bearer'
            ? sameSecret(credentials.token, admin)
            : credentials.user === BOOTSTRAP_BASIC_USER && sameSecret(credentials.password, admin);
        if (adminPresented) return BOOTSTRAP_ADMIN;
      }
      if (credentials.kind === 'basic') {
        const record = await store.getApiKeyByBasicUser(credentials.user);
        return verify(record, credentials.password, digest);
      }
      const match = KEY_PATTERN.exec(credentials.token);
      if (!match) {
        // Not shaped like an API key: a JWT, or garbage the JWT verifier will refuse.
        if (credentials.token.startsWith(KEY_PREFIX)) {
          throw new RegistryError('UNAUTHENTICATED', 'Invalid or revoked API key');
        }
        return undefined;
      }
      const [, id, secret] = match as unknown as [string, string, string];
      return verify(await store.getApiKey(id), secret, digest);
    },

    close: stopFollowing,
  };
}

/** The principal of the `ADMIN_API_KEY` bootstrap key. */
const BOOTSTRAP_ADMIN: Principal = Object.freeze({
  id: 'admin:bootstrap',
  kind: 'bootstrap-admin',
  role: 'admin',
});

function toPrincipal(record: ApiKeyRecord): Principal {
  return Object.freeze({
    id: `key:${record.id}`,
    kind: 'api-key',
    role: record.role,
    subjects: Object.freeze([...record.subjects]),
  });
}
