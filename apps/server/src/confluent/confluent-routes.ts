import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { z } from 'zod';
import { addRoute } from '../openapi/add-route.js';
import type { BodyLimits } from '../server-options.js';
import { confluentCompatibilityRoutes } from './confluent-compatibility-routes.js';
import { confluentConfigRoutes } from './confluent-config-routes.js';
import { ConfluentError } from './confluent-error.js';
import { confluentErrorResponse } from './confluent-error-response.js';
import { confluentJson } from './confluent-json.js';
import { confluentModeRoutes } from './confluent-mode-routes.js';
import { CONFLUENT_TAG, confluentErrors, confluentResponse } from './confluent-openapi.js';
import { confluentSchemaRoutes } from './confluent-schema-routes.js';
import { confluentSubjectRoutes } from './confluent-subject-routes.js';
import { confluentVersionRoutes } from './confluent-version-routes.js';
import { createConfluentRouteApp } from './create-confluent-route-app.js';
import { CONFLUENT_PREFIXES } from './is-confluent-path.js';

const contexts = createRoute({
  method: 'get',
  path: '/contexts',
  operationId: 'confluentListContexts',
  tags: [CONFLUENT_TAG],
  summary: 'List the schema contexts (only the default context, `.`)',
  responses: { 200: confluentResponse('Context names', z.array(z.string())), ...confluentErrors() },
});

/**
 * The Confluent Schema Registry compatible API, mounted at the root: Confluent's paths,
 * bodies, numeric error codes and media type over the same registry as the native API.
 *
 * @example
 * ```ts
 * const app = new Hono();
 * app.route('/', confluentRoutes(registry, DEFAULT_LIMITS));
 * await app.request('/subjects/orders-value/versions', { method: 'POST', body: '{"schema":"\\"string\\""}' });
 * ```
 */
export function confluentRoutes(registry: Registry, limits: BodyLimits): OpenAPIHono {
  const app = createConfluentRouteApp();
  // Only Confluent's default context exists here.
  addRoute(app, contexts, (c) => confluentJson(c, ['.']), { access: { action: 'schema.read' } });
  app.route('/subjects', confluentSubjectRoutes(registry, limits));
  app.route('/subjects', confluentVersionRoutes(registry, limits));
  app.route('/schemas', confluentSchemaRoutes(registry));
  app.route('/config', confluentConfigRoutes(registry));
  app.route('/mode', confluentModeRoutes(registry));
  app.route('/compatibility', confluentCompatibilityRoutes(registry, limits));
  // Unknown paths and methods under Confluent's resources answer like Confluent, not natively.
  for (const prefix of CONFLUENT_PREFIXES) {
    app.all(prefix, unknownRoute);
    app.all(`${prefix}/*`, unknownRoute);
  }
  // Installed before the app is mounted: Hono wraps each route with it at mount time.
  app.onError((error, c) => confluentErrorResponse(c, error));
  return app;
}

function unknownRoute(): never {
  throw new ConfluentError(404, 'HTTP 404 Not Found');
}
