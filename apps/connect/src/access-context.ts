import { createContextKey } from '@connectrpc/connect';
import type { Principal } from '@llmsr/spec';

/**
 * The authenticated principal of a call, set by `authorizeRpc` before the handler runs:
 * handlers read it for `createdBy` and to filter listings. Undefined with auth off.
 */
export const PRINCIPAL_KEY = createContextKey<Principal | undefined>(undefined, {
  description: 'llmsr principal',
});

/**
 * The client's address (the socket, or a trusted proxy's `X-Forwarded-For`), set from the Node
 * request when the server starts each call; rate limits and the audit log use it.
 */
export const CLIENT_ADDRESS_KEY = createContextKey<string>('unknown', {
  description: 'llmsr client address',
});
