import type { Principal } from '@llmsr/spec';
import { RegistryError } from '../registry-error.js';
import type { ApiKeyService } from './api-key-service.js';
import type { JwtVerifier } from './jwt-verifier.js';
import { type CredentialHeaders, parseCredentials } from './parse-credentials.js';

/** Turns request headers into a principal. */
export interface Authenticator {
  /**
   * The principal of the request; undefined when it carries no credentials (the app then
   * refuses with `authorize`, or allows the documented anonymous routes). Throws
   * `UNAUTHENTICATED` for credentials that are present but invalid.
   */
  authenticate(headers: CredentialHeaders): Promise<Principal | undefined>;
}

/**
 * Create an {@link Authenticator}: API keys (Bearer, X-API-Key, Basic) first, then, for a bearer
 * token that is not an API key, the JWT verifier when one is configured.
 */
export function createAuthenticator(options: {
  keys: ApiKeyService;
  jwt?: JwtVerifier | undefined;
}): Authenticator {
  return {
    async authenticate(headers) {
      const credentials = parseCredentials(headers);
      if (!credentials) return undefined;
      const fromKey = await options.keys.authenticate(credentials);
      if (fromKey) return fromKey;
      if (credentials.kind === 'bearer' && options.jwt)
        return options.jwt.verify(credentials.token);
      throw new RegistryError('UNAUTHENTICATED', 'Invalid API key');
    },
  };
}
