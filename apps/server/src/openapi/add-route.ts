import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { AccessAttempt } from '@llmsr/core';
import { isRegistryError } from '@llmsr/core';
import type { Context, Env, Next } from 'hono';
import type { z } from 'zod';
import { requestAuthOf } from '../auth/request-auth.js';
import { declaredActions, type RouteAccess } from '../auth/route-access.js';
import { type InvalidRequestHook, validateRequest } from './validate-request.js';
import { validationHook } from './validation-hook.js';

/** Options of {@link addRoute}. */
export interface AddRouteOptions {
  /** Who may call the route: required, so no route is added without an access decision. */
  access: RouteAccess;
  /** Largest JSON body accepted, in bytes; required when the route declares a body. */
  bodyLimit?: number;
}

/** The zod schema of the route's body, under whichever JSON media type declares it. */
function bodySchema(route: RouteConfig): z.ZodType | undefined {
  for (const media of Object.values(route.request?.body?.content ?? {})) {
    if (media && 'schema' in media && media.schema) return media.schema as z.ZodType;
  }
  return undefined;
}

type Handler = (c: Context, next: Next) => unknown;

/**
 * Mount a `createRoute` definition on `app`: documented in `/openapi.json` as declared (with its
 * access as `x-llmsr-access`), with its params, query, headers and body validated by
 * {@link validateRequest} (bodies read within `bodyLimit`; failures go to the app's
 * `defaultHook`), and its access enforced by `registry.access`: without valid credentials 401
 * before anything is read, then, once the request is valid, 403 when the principal may not
 * perform the action on the subject or schema it names. Mutations are audited with their outcome.
 * The handler is typed from the route: `c.req.valid('json')` is the parsed body and
 * `c.json(body, status)` must match a declared response.
 *
 * @example
 * ```ts
 * addRoute(app, registerRoute, async (c) => c.json(await register(c.req.valid('json')), 201), {
 *   access: { action: 'schema.register', subject: (c) => c.req.valid('json' as never)['subject'] },
 *   bodyLimit: limits.schemaBytes,
 * });
 * ```
 */
export function addRoute<R extends RouteConfig, E extends Env>(
  app: OpenAPIHono<E>,
  route: R,
  handler: RouteHandler<R>,
  options: AddRouteOptions,
): void {
  const json = bodySchema(route);
  if (json && options.bodyLimit === undefined) {
    throw new Error(`${route.method} ${route.path}: a route with a body needs a bodyLimit`);
  }
  const { access } = options;
  app.openAPIRegistry.registerPath({ ...route, 'x-llmsr-access': declaredActions(access) });
  const request = route.request;
  const own = route.middleware ? [route.middleware].flat() : [];
  const onInvalid = (app.defaultHook ?? validationHook) as InvalidRequestHook;
  const guard = validateRequest(
    {
      params: request?.params as z.ZodType | undefined,
      query: request?.query as z.ZodType | undefined,
      headers: request?.headers as z.ZodType | undefined,
      json,
      bodyLimit: options.bodyLimit,
    },
    onInvalid,
  );
  const run = handler as Handler;
  const validated: Handler = !guard
    ? run
    : async (c, next) => {
        const refused = await guard(c);
        return refused ?? run(c, next);
      };
  // Registered hidden and without `request`: documented above, validated by the guard, which
  // runs inside the handler (no extra middleware step on hot routes).
  const { request: _documented, ...bare } = route;
  const enforced = 'public' in access ? validated : enforce(access, guard, run);
  app.openapi({ ...bare, hide: true, middleware: own }, enforced as never);
}

/** The handler with its access decision and audit around it. */
function enforce(
  access: Exclude<RouteAccess, { public: string }>,
  guard: ReturnType<typeof validateRequest>,
  run: Handler,
): Handler {
  return async (c, next) => {
    const auth = requestAuthOf(c);
    // No middleware: auth, audit and rate limits are all off (the fast path).
    if (!auth) {
      const refused = guard ? await guard(c) : undefined;
      return refused ?? run(c, next);
    }
    const { access: control, principal } = auth;
    const action = typeof access.action === 'function' ? undefined : access.action;
    if (control.enabled && !principal) {
      // Refused before the request is read: no or invalid credentials (audited by check).
      await control.check({
        principal,
        action: action ?? access.actions?.[0] ?? 'schema.read',
        clientAddress: auth.clientAddress,
        credentialsError: auth.error,
      });
    }
    const refused = guard ? await guard(c) : undefined;
    if (refused) return refused;
    const attempt: AccessAttempt = {
      principal,
      action: action ?? (access.action as (c: Context) => AccessAttempt['action'])(c),
      subject: access.subject?.(c),
      schemaId: access.schemaId?.(c),
      clientAddress: auth.clientAddress,
    };
    await control.check(attempt);
    if (!control.auditing) return run(c, next);
    try {
      const response = (await run(c, next)) as Response | undefined;
      const status = response?.status ?? 200;
      await control.recordOutcome(attempt, status < 400 ? 'ok' : 'error', { status });
      return response;
    } catch (error) {
      const code = isRegistryError(error) ? error.code : 'INTERNAL';
      await control.recordOutcome(attempt, 'error', { code });
      throw error;
    }
  };
}
