import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Finds the client address of a Node request. */
export type ClientAddressResolver = (request: IncomingMessage) => string;

/**
 * Create the resolver of client addresses for rate limits and the audit log: the socket's
 * address, unless `trustProxy` names the proxies (addresses, CIDR ranges, or `loopback`,
 * `linklocal`, `uniquelocal`) whose `X-Forwarded-For` is believed, hop by hop from the socket,
 * with the `proxy-addr` library Express uses. A header from anyone else is ignored, so a client
 * cannot pick its own address.
 *
 * @example
 * ```ts
 * const clientAddress = createClientAddressResolver(['10.0.0.0/8']); // TRUST_PROXY=10.0.0.0/8
 * clientAddress(request); // the first address not in 10.0.0.0/8, from the socket inwards
 * ```
 */
export function createClientAddressResolver(
  trustProxy: readonly string[] = [],
): ClientAddressResolver {
  if (trustProxy.length === 0) {
    return (request) => request.socket?.remoteAddress ?? 'unknown';
  }
  const trust = proxyAddr.compile([...trustProxy]);
  return (request) => {
    if (!request.socket?.remoteAddress) return 'unknown';
    return proxyAddr(request, trust);
  };
}

/**
 * Throws when an entry of `trustProxy` is not an address, a CIDR range or a named range, so a
 * typo in `TRUST_PROXY` stops the start instead of trusting nobody (or everybody).
 */
export function checkTrustProxy(trustProxy: readonly string[]): void {
  proxyAddr.compile([...trustProxy]);
}
