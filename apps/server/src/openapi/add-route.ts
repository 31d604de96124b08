import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context, Env, Next } from 'hono';
import type { z } from 'zod';
import { type InvalidRequestHook, validateRequest } from './validate-request.js';
import { validationHook } from './validation-hook.js';

/** Options of {@link addRoute}. */
export interface AddRouteOptions {
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

/**
 * Mount a `createRoute` definition on `app`: documented in `/openapi.json` as declared, with
 * its params, query, headers and body validated by {@link validateRequest} (bodies read within
 * `bodyLimit`); failures go to the app's `defaultHook`. The handler is typed from the route:
 * `c.req.valid('json')` is the parsed body and `c.json(body, status)` must match a declared
 * response.
 *
 * @example
 * ```ts
 * addRoute(app, registerRoute, async (c) => c.json(await register(c.req.valid('json')), 201), {
 *   bodyLimit: limits.schemaBytes,
 * });
 * ```
 */
export function addRoute<R extends RouteConfig, E extends Env>(
  app: OpenAPIHono<E>,
  route: R,
  handler: RouteHandler<R>,
  options: AddRouteOptions = {},
): void {
  const json = bodySchema(route);
  if (json && options.bodyLimit === undefined) {
    throw new Error(`${route.method} ${route.path}: a route with a body needs a bodyLimit`);
  }
  app.openAPIRegistry.registerPath(route);
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
  // Registered hidden and without `request`: documented above, validated by the guard, which
  // runs inside the handler (no extra middleware step on hot routes).
  const { request: _documented, ...bare } = route;
  const run = handler as (c: Context, next: Next) => unknown;
  const guarded = !guard
    ? run
    : async (c: Context, next: Next) => {
        const refused = await guard(c);
        return refused ?? run(c, next);
      };
  app.openapi({ ...bare, hide: true, middleware: own }, guarded as never);
}
