import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { z } from 'zod';
import { jsonBody } from './json-body.js';

/** Options of {@link addRoute}. */
export interface AddRouteOptions {
  /** Largest JSON body accepted, in bytes; required when the route declares a JSON body. */
  bodyLimit?: number;
}

/**
 * Mount a `createRoute` definition on `app`: documented in `/openapi.json` as declared, with
 * params and query validated by `@hono/zod-openapi`. A declared JSON body is read by our own
 * reader instead of zod-openapi's (which would refuse bodies without a JSON content type with
 * 415 and buffer them unbounded): {@link jsonBody} enforces `bodyLimit` first, then the schema.
 */
export function addRoute<R extends RouteConfig>(
  app: OpenAPIHono,
  route: R,
  handler: RouteHandler<R>,
  options: AddRouteOptions = {},
): void {
  const media = route.request?.body?.content?.['application/json'];
  const schema = media && 'schema' in media ? (media.schema as z.ZodType) : undefined;
  if (!schema) {
    app.openapi(route, handler as never);
    return;
  }
  if (options.bodyLimit === undefined)
    throw new Error(`${route.path}: a JSON body needs a bodyLimit`);
  app.openAPIRegistry.registerPath(route);
  const { body: _documentedOnly, ...request } = route.request ?? {};
  const own = route.middleware ? [route.middleware].flat() : [];
  app.openapi(
    { ...route, hide: true, request, middleware: [...own, jsonBody(schema, options.bodyLimit)] },
    handler as never,
  );
}
