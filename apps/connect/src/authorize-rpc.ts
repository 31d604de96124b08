import { ConnectError, type Interceptor } from '@connectrpc/connect';
import { type AccessAttempt, isRegistryError, type Registry, RegistryError } from '@llmsr/core';
import { ACTION_MIN_ROLE, MUTATING_ACTIONS, type Principal, roleCovers } from '@llmsr/spec';
import { CLIENT_ADDRESS_KEY, PRINCIPAL_KEY } from './access-context.js';
import {
  RPC_ACCESS,
  type RpcAccessRule,
  type RpcAccessTable,
  type RpcName,
  type RpcResource,
} from './rpc-access.js';
import { ERROR_CODE_HEADER, toConnectError } from './to-connect-error.js';

/** Options of {@link authorizeRpc}. */
export interface AuthorizeRpcOptions {
  /** The rule of each RPC (default {@link RPC_ACCESS}). */
  rules?: RpcAccessTable;
}

/**
 * Whether {@link authorizeRpc} has anything to do for this registry: auth on, a rate limit, or
 * an audit log. When not, the server leaves the interceptor out so calls pay nothing for it.
 */
export function accessIsActive(registry: Registry): boolean {
  const { access } = registry;
  return access.enabled || access.rateLimiter.enabled || access.auditing;
}

/**
 * The Connect side of `registry.access`, around every call:
 * 1. authenticates `authorization` / `x-api-key` (invalid credentials: `unauthenticated`,
 *    recorded in the audit log);
 * 2. counts the call against the caller's rate limit (refused credentials count as anonymous),
 *    answering `resource_exhausted` with a `retry-after` header (gRPC: trailer) when over it;
 * 3. puts the principal in the call's context values ({@link PRINCIPAL_KEY}) for the handlers;
 * 4. checks the action and resource of the RPC ({@link RPC_ACCESS}), and `schema.read` on the
 *    subjects its schema references name; a client or bidi stream
 *    is refused here only when no item could pass (no principal, or too weak a role), the
 *    handler checking each item;
 * 5. records the outcome of a mutating unary call in the audit log.
 *
 * Refusals are `RegistryError`s (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED) turned into Connect
 * errors by {@link toConnectError}, like every other registry error. A stream is counted once.
 *
 * @example
 * ```ts
 * const handler = connectNodeAdapter({ routes, interceptors: [authorizeRpc(registry)] });
 * ```
 */
export function authorizeRpc(registry: Registry, options: AuthorizeRpcOptions = {}): Interceptor {
  const { access } = registry;
  const rules = options.rules ?? RPC_ACCESS;
  if (!accessIsActive(registry)) return (next) => next;

  const limit = async (principal: Principal | undefined, clientAddress: string) => {
    if (!access.rateLimiter.limits(principal)) return;
    const decision = await access.rateLimiter.consume(principal, clientAddress);
    if (!decision?.limited) return;
    const seconds = decision.retryAfterSeconds;
    const error = toConnectError(
      new RegistryError(
        'RATE_LIMITED',
        `Rate limit of ${decision.limit} requests per minute reached; retry after ${seconds} s`,
        { limit: decision.limit, retry_after_seconds: seconds },
      ),
    );
    error.metadata.set('retry-after', String(seconds));
    throw error;
  };

  const check = async (attempt: AccessAttempt) => {
    try {
      await access.check(attempt);
    } catch (error) {
      throw toConnectError(error);
    }
  };

  return (next) => async (req) => {
    // Fail closed: an RPC without a rule (another service on the router) is refused.
    const rule = (rules as Partial<Record<string, RpcAccessRule<RpcName>>>)[req.method.localName];
    if (!rule) {
      throw toConnectError(
        new RegistryError('FORBIDDEN', `No access rule for ${req.method.name}`, {
          rpc: req.method.name,
        }),
      );
    }
    const clientAddress = req.contextValues.get(CLIENT_ADDRESS_KEY);
    let principal: Principal | undefined;
    try {
      principal = await access.authenticate({
        authorization: req.header.get('authorization') ?? undefined,
        apiKey: req.header.get('x-api-key') ?? undefined,
      });
    } catch (error) {
      await limit(undefined, clientAddress);
      // Recorded and rethrown by access.check, like every refusal (without the subject, which
      // would need the request message of an unauthenticated caller).
      await check({
        principal: undefined,
        action: rule.action,
        clientAddress,
        credentialsError: error,
      });
      throw toConnectError(error);
    }
    await limit(principal, clientAddress);
    req.contextValues.set(PRINCIPAL_KEY, principal);
    const { action } = rule;

    if (rule.checkedPer === 'item') {
      // Items name their own subjects; refuse up front only a caller no item could pass, through
      // access.check so the refusal is decided and audited in one place.
      if (!principal || !roleCovers(principal.role, ACTION_MIN_ROLE[action])) {
        await check({ principal, action, clientAddress });
      }
      return next(req);
    }

    let forward = req;
    let message: unknown;
    if (req.stream) {
      // A server stream's one request message comes as an iterable: read it, then hand the
      // handler an iterable that yields it and goes on (so "extra message" is still detected).
      const it = req.message[Symbol.asyncIterator]();
      const first = await it.next();
      if (first.done) return next(req);
      message = first.value;
      forward = { ...req, message: prepend(first.value, it) };
    } else {
      message = req.message;
    }
    let resource: RpcResource;
    try {
      resource = await rule.resource(message as never, registry);
    } catch (error) {
      throw toConnectError(error);
    }
    const attempt: AccessAttempt = { principal, action, ...resource, clientAddress };
    await check(attempt);
    for (const subject of new Set(rule.references?.(message as never))) {
      await check({ principal, action: 'schema.read', subject, clientAddress });
    }
    if (!MUTATING_ACTIONS.has(action)) return next(forward);
    try {
      const res = await next(forward);
      await access.recordOutcome(attempt, 'ok', { rpc: req.method.name });
      return res;
    } catch (error) {
      const code = isRegistryError(error)
        ? error.code
        : (ConnectError.from(error).metadata.get(ERROR_CODE_HEADER) ?? 'INTERNAL');
      await access.recordOutcome(attempt, 'error', { rpc: req.method.name, code });
      throw error;
    }
  };
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncIterable<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
