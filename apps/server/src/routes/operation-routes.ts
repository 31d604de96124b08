import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { HealthOrLivenessBody, RootBody } from '@llmsr/spec/rest';
import { z } from 'zod';
import { principalOf } from '../auth/request-auth.js';
import type { ServerMetrics } from '../metrics/create-metrics.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { DOCS_PAGE } from '../openapi/docs-page.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';

/** What {@link operationRoutes} serves from. */
export interface OperationRouteOptions {
  registry: Registry;
  metrics: ServerMetrics;
  /** The server's version, shown by `GET /`. */
  version: string;
  /** The OpenAPI document (built once, on first request). */
  document: () => Record<string, unknown>;
  /** Whether `/metrics` answers without credentials when auth is on (default true). */
  metricsPublic?: boolean | undefined;
}

const tags = ['Operations'];

const root = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getRoot',
  tags,
  summary: 'Server name, version and where to go next',
  responses: {
    200: { description: 'Name, version and links', content: jsonContent(RootBody) },
    ...errorResponses(),
  },
});
const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags,
  summary: 'Storage reachability, uptime, counts and cache hit rates',
  responses: {
    200: {
      description: 'Healthy (liveness only without credentials when auth is on)',
      content: jsonContent(HealthOrLivenessBody),
    },
    503: { description: 'Storage unreachable', content: jsonContent(HealthOrLivenessBody) },
    429: errorResponses()[429],
    500: errorResponses()[500],
  },
});
const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  operationId: 'getMetrics',
  tags,
  summary: 'Prometheus metrics',
  responses: {
    200: {
      description: 'Prometheus text exposition format',
      content: {
        'text/plain': { schema: z.string().meta({ example: 'llmsr_schemas_total 3\n' }) },
      },
    },
    ...errorResponses(),
  },
});
const openapi = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tags,
  summary: 'This OpenAPI 3.1 document',
  responses: {
    200: {
      description: 'The document',
      content: {
        'application/json': {
          schema: z
            .record(z.string(), z.unknown())
            .meta({ description: 'An OpenAPI 3.1 document' }),
        },
      },
    },
    ...errorResponses(),
  },
});
const docs = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getDocsPage',
  tags,
  summary: 'Interactive API reference (served offline)',
  responses: {
    200: {
      description: 'The HTML page',
      content: { 'text/html': { schema: z.string().meta({ example: '<!doctype html>...' }) } },
    },
    ...errorResponses(),
  },
});

/** `GET /`, `/health`, `/metrics`, `/openapi.json` and `/docs`, documented like every route. */
export function operationRoutes(options: OperationRouteOptions): OpenAPIHono {
  const { registry, metrics } = options;
  const app = createRouteApp();

  addRoute(
    app,
    root,
    (c) =>
      c.json(
        {
          name: 'llmsr' as const,
          version: options.version,
          links: {
            docs: '/docs',
            openapi: '/openapi.json',
            health: '/health',
            metrics: '/metrics',
          },
        },
        200,
      ),
    { access: { public: 'the API index' } },
  );
  addRoute(
    app,
    health,
    async (c) => {
      // With auth on, an anonymous probe learns only liveness: no counts, no storage details.
      if (registry.access.enabled && !principalOf(c)) {
        const reachable = (await registry.health()).storage.reachable;
        return reachable
          ? c.json({ status: 'ok' as const }, 200)
          : c.json({ status: 'unavailable' as const }, 503);
      }
      const health = await registry.health();
      const caches = health.caches;
      const hits = caches.schemas.hits + caches.views.hits + caches.validators.hits;
      const misses = caches.schemas.misses + caches.views.misses + caches.validators.misses;
      const body = {
        status: health.storage.reachable ? ('ok' as const) : ('unavailable' as const),
        storage: health.storage,
        uptime_seconds: health.uptimeSeconds,
        schemas: health.schemas,
        subjects: health.subjects,
        versions: health.versions,
        cache: {
          entries: caches.schemas.entries + caches.views.entries + caches.validators.entries,
          hit_rate: hits + misses === 0 ? 0 : hits / (hits + misses),
        },
        caches,
      };
      return health.storage.reachable ? c.json(body, 200) : c.json(body, 503);
    },
    { access: { public: 'liveness probes (counts only with credentials when auth is on)' } },
  );
  addRoute(
    app,
    metricsRoute,
    async (c) =>
      c.text(await metrics.render(), 200, { 'content-type': metrics.prometheus.contentType }),
    {
      access:
        options.metricsPublic === false
          ? { action: 'metrics.read' }
          : { public: 'scrapes (METRICS_PUBLIC=off requires credentials)' },
    },
  );
  addRoute(app, openapi, (c) => c.json(options.document() as Record<string, never>, 200), {
    access: { public: 'the API description' },
  });
  addRoute(app, docs, (c) => c.html(DOCS_PAGE, 200), { access: { public: 'the API docs' } });
  return app;
}
