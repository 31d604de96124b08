import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { type InvalidBodyHook, jsonBody } from './json-body.js';
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
 * params and query validated by `@hono/zod-openapi` (failures go to the app's `defaultHook`).
 * A declared body is read by our own reader instead of zod-openapi's (which refuses bodies
 * without a JSON content type with 415 and buffers them unbounded): {@link jsonBody} enforces
 * `bodyLimit` first, then validates with the schema, failures going to the same `defaultHook`.
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
  const schema = bodySchema(route);
  if (!schema) {
    app.openapi(route, handler as never);
    return;
  }
  if (options.bodyLimit === undefined) {
    throw new Error(`${route.method} ${route.path}: a route with a body needs a bodyLimit`);
  }
  app.openAPIRegistry.registerPath(route);
  const { body: _documentedOnly, ...request } = route.request ?? {};
  const own = route.middleware ? [route.middleware].flat() : [];
  const onInvalid = (app.defaultHook ?? validationHook) as InvalidBodyHook;
  app.openapi(
    {
      ...route,
      hide: true,
      request,
      middleware: [...own, jsonBody(schema, options.bodyLimit, onInvalid)],
    },
    handler as never,
  );
}
