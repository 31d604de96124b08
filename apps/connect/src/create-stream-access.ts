import type { HandlerContext } from '@connectrpc/connect';
import type { AccessAttempt, Registry } from '@llmsr/core';
import type { AuthAction, Principal } from '@llmsr/spec';
import { CLIENT_ADDRESS_KEY, PRINCIPAL_KEY } from './access-context.js';
import type { RpcResource } from './rpc-access.js';

/** Decisions remembered per stream, bounding memory like the validator cache. */
const MAX_DECISIONS_PER_STREAM = 1_000;

/** Per-item access checks of one client or bidi stream (BatchValidate, BatchRegister). */
export interface StreamAccess {
  /** Whether items are checked at all (auth on); when not, callers skip building resources. */
  readonly active: boolean;
  readonly principal: Principal | undefined;
  /** The attempt of one item, for `registry.access.check` and `recordOutcome`. */
  attempt(resource: RpcResource): AccessAttempt;
  /**
   * Checks one item: `undefined` (nothing to await) when access control is off, so the hot path
   * stays synchronous; else a promise rejecting with the refusal's `RegistryError`. With a `key`
   * (a schema id or guid), the decision is remembered for the rest of the stream, so a stream of
   * a thousand items by one id costs one check (and a refused id one audit entry).
   */
  check(
    resource: () => RpcResource | Promise<RpcResource>,
    key?: string,
  ): Promise<void> | undefined;
}

/**
 * The {@link StreamAccess} of one call, reading the principal and client address that
 * `authorizeRpc` and the server put in its context values. The principal is fixed when the
 * stream opens: a key revoked meanwhile is refused from the next call on.
 *
 * @example
 * ```ts
 * const items = createStreamAccess(registry, context, 'schema.register');
 * await items.check(() => ({ subject: item.subject })); // throws FORBIDDEN outside the prefixes
 * ```
 */
export function createStreamAccess(
  registry: Registry,
  context: HandlerContext,
  action: AuthAction,
): StreamAccess {
  const { access } = registry;
  const principal = context.values.get(PRINCIPAL_KEY);
  const clientAddress = context.values.get(CLIENT_ADDRESS_KEY);
  const active = access.enabled;
  const decisions = new Map<string, Promise<void>>();
  const attempt = (resource: RpcResource): AccessAttempt => ({
    principal,
    action,
    ...resource,
    clientAddress,
  });
  const decide = async (resource: () => RpcResource | Promise<RpcResource>) =>
    access.check(attempt(await resource()));
  return {
    active,
    principal,
    attempt,
    check(resource, key) {
      if (!active) return undefined;
      if (key === undefined) return decide(resource);
      let decision = decisions.get(key);
      if (decision === undefined) {
        decision = decide(resource);
        // Remembered refusals must not surface as unhandled rejections between items.
        decision.catch(() => {});
        if (decisions.size < MAX_DECISIONS_PER_STREAM) decisions.set(key, decision);
      }
      return decision;
    },
  };
}
