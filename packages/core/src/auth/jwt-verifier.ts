import { isAuthRole, type Principal } from '@llmsr/spec';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { RegistryError } from '../registry-error.js';

/** Options of {@link createJwtVerifier} (`AUTH_JWKS_URL`, `AUTH_ISSUER`, `AUTH_AUDIENCE`...). */
export interface JwtVerifierOptions {
  /** The identity provider's JWKS document. */
  jwksUrl: string | URL;
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of). */
  audience: string | string[];
  /** Accepted `alg` values, pinned so a token cannot pick a weaker one (default `['RS256', 'ES256']`). */
  algorithms?: string[];
  /**
   * The claim holding the role (a string, or an array whose strongest known role wins), as a
   * dot path into the payload, e.g. `llmsr.role` or `realm_access.roles` (default `llmsr_role`).
   */
  roleClaim?: string;
  /** The claim holding subject prefixes (an array of strings), a dot path (default `llmsr_subjects`). */
  subjectsClaim?: string;
  /** Tolerated clock skew in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** JWKS fetch timeout in ms (default 5,000). */
  timeoutMs?: number;
  /** Minimum time between JWKS refetches on an unknown `kid`, in ms (default 30,000, jose's cooldown). */
  cooldownMs?: number;
}

/** Verifies JWT bearer tokens into principals. */
export interface JwtVerifier {
  /** The principal of a valid token; throws `UNAUTHENTICATED` (with the reason) otherwise. */
  verify(token: string): Promise<Principal>;
}

/**
 * Create a {@link JwtVerifier} backed by jose's `createRemoteJWKSet`, which caches the key set
 * and refetches it when a token names an unknown `kid` (rate-limited by `cooldownMs`), so a key
 * rotation at the identity provider needs no restart.
 *
 * @example
 * ```ts
 * const jwt = createJwtVerifier({ jwksUrl, issuer: 'https://idp', audience: 'llmsr', roleClaim: 'llmsr.role' });
 * const principal = await jwt.verify(token); // { id: 'jwt:alice', kind: 'jwt', role: 'writer', ... }
 * ```
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.timeoutMs ?? 5_000,
    cooldownDuration: options.cooldownMs ?? 30_000,
  });
  const algorithms = options.algorithms ?? ['RS256', 'ES256'];
  const roleClaim = options.roleClaim ?? 'llmsr_role';
  const subjectsClaim = options.subjectsClaim ?? 'llmsr_subjects';

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          // jose accepts a token without `exp` as valid forever; a bearer token must expire.
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw new RegistryError(
          'UNAUTHENTICATED',
          `Invalid token: ${reasonOf(error)}`,
          {},
          {
            cause: error,
          },
        );
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new RegistryError('UNAUTHENTICATED', 'Invalid token: no sub claim');
      }
      const role = strongestRole(claimAt(payload, roleClaim));
      if (!role) {
        throw new RegistryError('UNAUTHENTICATED', `Invalid token: no known role in ${roleClaim}`);
      }
      const subjects = claimAt(payload, subjectsClaim);
      if (subjects !== undefined && !isStringList(subjects)) {
        throw new RegistryError(
          'UNAUTHENTICATED',
          `Invalid token: ${subjectsClaim} is not a list of prefixes`,
        );
      }
      // An identity provider that maps "no team" to an empty list means no subjects, but an
      // empty prefix list would grant every subject: refuse it rather than fail open.
      if (Array.isArray(subjects) && subjects.length === 0) {
        throw new RegistryError('UNAUTHENTICATED', `Invalid token: ${subjectsClaim} is empty`);
      }
      return Object.freeze({
        id: `jwt:${payload.sub}`,
        kind: 'jwt',
        role,
        subjects: subjects && Object.freeze([...subjects]),
      });
    },
  };
}

/** The value at a dot path of the payload. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function strongestRole(claim: unknown): Principal['role'] | undefined {
  const values = Array.isArray(claim) ? claim : [claim];
  for (const role of ['admin', 'writer', 'reader'] as const) if (values.includes(role)) return role;
  return values.find(isAuthRole);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');
}

/** A short reason without echoing the token. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} ${error.reason}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no matching key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEError) return error.code;
  return 'unverifiable';
}
