import { RegistryError } from '@llmsr/core';
import { Hono } from 'hono';
import { confluentRoutes } from './confluent/confluent-routes.js';
import { errorResponse } from './error-response.js';
import { compatibilityRoutes } from './routes/compatibility-routes.js';
import { configRoutes } from './routes/config-routes.js';
import { schemaRoutes } from './routes/schema-routes.js';
import { subjectRoutes } from './routes/subject-routes.js';
import { validateRoutes } from './routes/validate-routes.js';
import { variableSpaceRoutes } from './routes/variable-space-routes.js';
import { type AppOptions, DEFAULT_LIMITS } from './server-options.js';

/**
 * Build the REST app over a registry. Routes only parse, call the registry and map errors.
 *
 * @example
 * ```ts
 * const registry = await createRegistry({ storage: 'memory:' });
 * const app = createApp({ registry });
 * const response = await app.request('/api/v1/subjects');
 * ```
 */
export function createApp(options: AppOptions): Hono {
  const { registry } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = new Hono();

  app.get('/health', async (c) => {
    const health = await registry.health();
    const body = {
      status: health.storage.reachable ? 'ok' : 'unavailable',
      storage: health.storage,
      uptime_seconds: health.uptimeSeconds,
      schemas: health.schemas,
      subjects: health.subjects,
      versions: health.versions,
      caches: health.caches,
    };
    return c.json(body, health.storage.reachable ? 200 : 503);
  });
  app.route('/api/v1/schemas', schemaRoutes(registry, limits));
  app.route('/api/v1/subjects', subjectRoutes(registry));
  app.route('/api/v1/validate', validateRoutes(registry, limits));
  app.route('/api/v1/compatibility', compatibilityRoutes(registry, limits));
  app.route('/api/v1/config', configRoutes(registry));
  app.route('/api/v1/variable-spaces', variableSpaceRoutes(registry, limits));
  app.route('/', confluentRoutes(registry, limits));

  app.notFound((c) =>
    errorResponse(
      c,
      new RegistryError(
        'ROUTE_NOT_FOUND',
        `No route for ${c.req.method} ${c.req.path.slice(0, 200)}`,
        {},
      ),
    ),
  );
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
