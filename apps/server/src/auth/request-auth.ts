import type { AccessControl } from '@llmsr/core';
import type { Principal } from '@llmsr/spec';
import type { Context } from 'hono';

/** What the authentication middleware learnt about a request. */
export interface RequestAuth {
  access: AccessControl;
  /** Undefined without credentials (or with auth off). */
  principal: Principal | undefined;
  /** Why the presented credentials were refused, answered by every route that needs them. */
  error: unknown;
  /** The socket's address, or the trusted proxy's `X-Forwarded-For`. */
  clientAddress: string;
}

// Keyed by the raw request, so the route apps keep hono's plain environment type.
const states = new WeakMap<Request, RequestAuth>();

/** Attaches what authentication found to the request (the middleware's job). */
export function setRequestAuth(c: Context, auth: RequestAuth): void {
  states.set(c.req.raw, auth);
}

/** What authentication found; undefined when no middleware ran (auth, audit and limits off). */
export function requestAuthOf(c: Context): RequestAuth | undefined {
  return states.get(c.req.raw);
}

/** The principal of the request, when it has one. */
export function principalOf(c: Context): Principal | undefined {
  return states.get(c.req.raw)?.principal;
}
