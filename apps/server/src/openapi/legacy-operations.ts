import type { Hono } from 'hono';
import { ROUTE_DOCS, type RouteDoc } from './route-docs.js';

/** Which mounted paths belong in the native document (the Confluent API has its own spec). */
const NATIVE = /^\/(api\/v1\/|health$|metrics$|openapi\.json$|docs$)/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * The OpenAPI 3.1 document of the native API, derived from the routes mounted on `app`: every
 * handler's method and path becomes an operation (path parameters included), enriched with the
 * summaries and parameters of {@link ROUTE_DOCS}.
 */
export function buildOpenApiDocument(
  app: Hono,
  info: { version: string },
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const route of app.routes) {
    if (!METHODS.has(route.method) || !NATIVE.test(route.path) || route.path.includes('*'))
      continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const openApiPath = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[openApiPath] ??= {};
    (paths[openApiPath] as Record<string, unknown>)[route.method.toLowerCase()] = operation(
      route.method,
      route.path,
      ROUTE_DOCS[key],
    );
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'llmsr native API',
      version: info.version,
      description:
        'Schema registry for JSON Schema, Avro and Protobuf. The Confluent-compatible API is served at the root as well.',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error_code', 'message', 'details'],
          properties: {
            error_code: { type: 'string', examples: ['SUBJECT_NOT_FOUND'] },
            message: { type: 'string' },
            details: { type: 'object' },
          },
        },
      },
    },
  };
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
