import { RegistryClientError } from './registry-client-error.js';

/** How the client authenticates: at most one of these (none when the registry runs without auth). */
export interface ClientAuthOptions {
  /** An API key (`llmsr_<id>_<secret>`), sent as `X-API-Key`. */
  apiKey?: string | undefined;
  /** A bearer token (a JWT from your identity provider, or an API key), sent as `Authorization: Bearer`. */
  token?: string | undefined;
  /** The `basic_user` and `basic_password` of an API key, sent as HTTP Basic auth. */
  basicAuth?: { user: string; password: string } | undefined;
  /**
   * Called before every request (every attempt, every stream connection) for a bearer token, so
   * a rotating token is always fresh; cache inside it if fetching one is costly.
   */
  credentials?: (() => string | Promise<string>) | undefined;
}

/** The auth headers of each request; the secret lives only in this closure. */
export interface ClientCredentials {
  /** The headers to add to one request; throws `CREDENTIALS_ERROR` when the callback fails. */
  headers(): Promise<Record<string, string>>;
}

/** Header names the auth options set, which `headers` must not also set. */
export const AUTH_HEADER_NAMES = ['authorization', 'x-api-key'] as const;

const KINDS = ['apiKey', 'token', 'basicAuth', 'credentials'] as const;

/** Whether a text holds a control character (which would end or split the header it goes in). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Visible ASCII only: a space, CR, LF or other control character could split or forge a header. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function invalid(message: string, field: string): RegistryClientError {
  // The message names the option, never its value: it may end up in logs.
  return new RegistryClientError('INVALID_ARGUMENT', message, undefined, { field });
}

function checkToken(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${field} must be a non-empty string`, field);
  }
  if (value.length > 8_192 || !TOKEN_PATTERN.test(value)) {
    throw invalid(
      `${field} must be at most 8192 visible ASCII characters (no spaces or line breaks)`,
      field,
    );
  }
  return value;
}

function basicHeader(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    throw invalid('basicAuth must be { user, password }', 'basicAuth');
  }
  const { user, password } = value as { user?: unknown; password?: unknown };
  if (typeof user !== 'string' || user === '' || user.includes(':') || hasControl(user)) {
    throw invalid(
      'basicAuth.user must be a non-empty string without ":" or control characters',
      'basicAuth.user',
    );
  }
  if (typeof password !== 'string' || hasControl(password)) {
    throw invalid(
      'basicAuth.password must be a string without control characters',
      'basicAuth.password',
    );
  }
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * The credentials of a client from its auth options, or undefined when it sends none. Giving
 * more than one of `apiKey`, `token`, `basicAuth` and `credentials`, or also setting an
 * `Authorization` or `X-API-Key` header, is an `INVALID_ARGUMENT` at creation: which one should
 * win would be a guess. Error messages name options, never secrets.
 *
 * @example
 * ```ts
 * const credentials = createClientCredentials({ apiKey: process.env.LLMSR_API_KEY });
 * await credentials?.headers(); // { 'x-api-key': 'llmsr_…' }
 * ```
 */
export function createClientCredentials(
  options: ClientAuthOptions & { headers?: Record<string, string> | undefined },
): ClientCredentials | undefined {
  const given = KINDS.filter((kind) => options[kind] !== undefined);
  if (given.length > 1) {
    throw invalid(`give only one of ${given.join(', ')}`, given[1] as string);
  }
  const kind = given[0];
  if (kind === undefined) return undefined;
  const clash = Object.keys(options.headers ?? {}).find((name) =>
    (AUTH_HEADER_NAMES as readonly string[]).includes(name.toLowerCase()),
  );
  if (clash !== undefined) {
    throw invalid(`headers.${clash} cannot be combined with ${kind}`, 'headers');
  }
  if (kind === 'credentials') {
    const callback = options.credentials;
    if (typeof callback !== 'function') throw invalid('credentials must be a function', kind);
    return { headers: async () => ({ authorization: `Bearer ${await fromCallback(callback)}` }) };
  }
  const fixed: Record<string, string> =
    kind === 'apiKey'
      ? { 'x-api-key': checkToken(options.apiKey, kind) }
      : kind === 'token'
        ? { authorization: `Bearer ${checkToken(options.token, kind)}` }
        : { authorization: basicHeader(options.basicAuth) };
  return { headers: async () => ({ ...fixed }) };
}

async function fromCallback(callback: () => string | Promise<string>): Promise<string> {
  let token: unknown;
  try {
    token = await callback();
  } catch (error) {
    throw new RegistryClientError(
      'CREDENTIALS_ERROR',
      `the credentials callback failed: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      {},
      { cause: error },
    );
  }
  try {
    return checkToken(token, 'credentials');
  } catch (error) {
    throw new RegistryClientError(
      'CREDENTIALS_ERROR',
      `the credentials callback returned no usable token: ${(error as Error).message}`,
      undefined,
    );
  }
}
