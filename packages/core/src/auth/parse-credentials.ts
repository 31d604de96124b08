import { RegistryError } from '../registry-error.js';

/** The request headers that may carry credentials (values as received, undefined when absent). */
export interface CredentialHeaders {
  /** `Authorization`: `Bearer <key or JWT>` or `Basic <base64 user:password>`. */
  authorization?: string | undefined;
  /** `X-API-Key`: an API key. */
  apiKey?: string | undefined;
}

/** Credentials read from the headers, not yet verified. */
export type Credentials =
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; user: string; password: string };

/**
 * Reads the credentials of a request: `X-API-Key` and `Authorization: Bearer` give a token (an
 * API key or a JWT), `Authorization: Basic` a user and password (what Confluent serializers send
 * as `basic.auth.user.info`). Undefined when the request carries none; a malformed header throws
 * `UNAUTHENTICATED`, as does sending two different credentials.
 */
export function parseCredentials(headers: CredentialHeaders): Credentials | undefined {
  const apiKey = headers.apiKey?.trim();
  const fromHeader = headers.authorization?.trim()
    ? parseAuthorization(headers.authorization.trim())
    : undefined;
  if (apiKey) {
    if (fromHeader && !(fromHeader.kind === 'bearer' && fromHeader.token === apiKey)) {
      throw unauthenticated('Send either X-API-Key or Authorization, not both');
    }
    return { kind: 'bearer', token: apiKey };
  }
  return fromHeader;
}

function parseAuthorization(value: string): Credentials {
  const space = value.indexOf(' ');
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : value.slice(space + 1).trim();
  if (scheme === 'bearer' && rest) return { kind: 'bearer', token: rest };
  if (scheme === 'basic' && rest) {
    const decoded = Buffer.from(rest, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { kind: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  throw unauthenticated('Malformed Authorization header (expected Bearer or Basic credentials)');
}

function unauthenticated(message: string): RegistryError {
  return new RegistryError('UNAUTHENTICATED', message);
}
