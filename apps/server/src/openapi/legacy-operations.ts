import type { Hono } from 'hono';
import { ROUTE_DOCS, type RouteDoc } from './route-docs.js';

/** Which mounted paths belong in the native document (the Confluent API has its own spec). */
const NATIVE = /^\/(api\/v1\/|health$|metrics$|openapi\.json$|docs$)/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * Operations for the routes still declared with plain Hono (not yet with `createRoute`):
 * method, path and the summaries of {@link ROUTE_DOCS}, with untyped bodies. Temporary: it goes
 * when every native route is declared with a schema.
 */
export function legacyOperations(
  app: Hono,
  known: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const route of app.routes) {
    if (!METHODS.has(route.method) || !NATIVE.test(route.path) || route.path.includes('*'))
      continue;
    const key = `${route.method} ${route.path}`;
    const openApiPath = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const method = route.method.toLowerCase();
    if (seen.has(key) || known[openApiPath]?.[method]) continue;
    seen.add(key);
    paths[openApiPath] ??= {};
    (paths[openApiPath] as Record<string, unknown>)[method] = operation(
      route.method,
      route.path,
      ROUTE_DOCS[key],
    );
  }
  return paths;
}

function operation(
  method: string,
  path: string,
  doc: RouteDoc | undefined,
): Record<string, unknown> {
  const pathParams = [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = (doc?.query ?? []).map((q) => ({
    name: q.name,
    in: 'query',
    required: false,
    description: q.description,
    schema: { type: q.type },
  }));
  const errorResponse = {
    description: 'Error with a stable error_code',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: doc?.summary ?? `${method} ${path}`,
    tags: [doc?.tag ?? 'Other'],
    parameters: [...pathParams, ...queryParams],
    ...(doc?.body
      ? {
          requestBody: {
            required: true,
            description: doc.body,
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'Success',
        content: { [doc?.produces ?? 'application/json']: { schema: {} } },
      },
      '4XX': errorResponse,
      '5XX': errorResponse,
    },
  };
}
