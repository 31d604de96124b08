import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import { RegistryError } from '@llmsr/core';
import type { Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { BlankEnv } from 'hono/types';
import { authenticateRequests } from './auth/authenticate-requests.js';
import { confluentRoutes } from './confluent/confluent-routes.js';
import { errorResponse } from './error-response.js';
import { createMetrics, type ServerMetrics } from './metrics/create-metrics.js';
import { instrumentRegistry } from './metrics/instrument-registry.js';
import type { MiddlewareOptions } from './middleware/app-middleware-options.js';
import { httpMetrics } from './middleware/http-metrics.js';
import { requestLogger } from './middleware/request-logger.js';
import { buildOpenApiDocument } from './openapi/build-openapi-document.js';
import { DOCS_INIT_SCRIPT } from './openapi/docs-page.js';
import { readDocsAsset } from './openapi/read-docs-asset.js';
import { authRoutes } from './routes/auth-routes.js';
import { compatibilityRoutes } from './routes/compatibility-routes.js';
import { configRoutes } from './routes/config-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { llmProviderRoutes } from './routes/llm-provider-routes.js';
import { llmRoutes } from './routes/llm-routes.js';
import { operationRoutes } from './routes/operation-routes.js';
import { schemaQueryRoutes } from './routes/schema-query-routes.js';
import { schemaRoutes } from './routes/schema-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { subjectRoutes } from './routes/subject-routes.js';
import { validateRoutes } from './routes/validate-routes.js';
import { variableSpaceRoutes } from './routes/variable-space-routes.js';
import { type AppOptions, DEFAULT_LIMITS } from './server-options.js';
import { streamRoutes } from './stream/stream-routes.js';

/** Options of {@link createApp}: the registry and limits, plus logging, CORS, rate limit and shutdown. */
export type CreateAppOptions = AppOptions &
  MiddlewareOptions & {
    /** Aborting it ends every open change stream (graceful shutdown). */
    shutdown?: AbortSignal | undefined;
    /** Metrics shared with the process's other servers; the app creates its own when absent. */
    metrics?: ServerMetrics | undefined;
  };

const API_VERSION = '0.1.0';
/** Probes and scrapes are never rate limited. */
const UNLIMITED = new Set(['/health', '/metrics']);

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
const ACCEPTS_COMPRESSION = /\b(?:gzip|deflate)\b/i;

export function createApp(options: CreateAppOptions): Hono {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics =
    options.metrics ??
    createMetrics(options.registry, { processMetrics: options.processMetrics ?? false });
  const registry = instrumentRegistry(options.registry, metrics);
  const app = new OpenAPIHono<BlankEnv>();

  app.use(requestId());
  app.use(httpMetrics(metrics));
  if (options.logger) app.use(requestLogger(options.logger));
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const origins = [...options.corsOrigins];
    app.use(
      cors({
        origin: origins.includes('*') ? '*' : origins,
        exposeHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
      }),
    );
  }
  const { access } = registry;
  // Skipped entirely with auth, audit and rate limits off: the quick start pays nothing.
  if (access.enabled || access.auditing || access.rateLimiter.enabled) {
    const clientAddress = options.clientAddress ?? socketAddress;
    app.use(authenticateRequests(access, { clientAddress, unlimited: UNLIMITED }));
  }
  // hono's compress reads the response's headers, which turns @hono/node-server's light
  // response into a full web Response (several times slower to write): only pay when it can help.
  const compression = compress();
  app.use((c, next) =>
    ACCEPTS_COMPRESSION.test(c.req.header('accept-encoding') ?? '') ? compression(c, next) : next(),
  );

  let document: Record<string, unknown> | undefined;
  app.route(
    '/',
    operationRoutes({
      registry,
      metrics,
      version: API_VERSION,
      metricsPublic: options.metricsPublic,
      document: () => {
        document ??= buildOpenApiDocument(app, { version: API_VERSION });
        return document;
      },
    }),
  );
  app.route('/api/v1/schemas', schemaRoutes(registry, limits));
  app.route('/api/v1/schemas', schemaQueryRoutes(registry));
  app.route('/api/v1/search', searchRoutes(registry));
  app.route('/api/v1/subjects', subjectRoutes(registry));
  app.route('/api/v1/validate', validateRoutes(registry, limits));
  app.route('/api/v1/compatibility', compatibilityRoutes(registry, limits));
  app.route('/api/v1/config', configRoutes(registry));
  app.route('/api/v1/variable-spaces', variableSpaceRoutes(registry, limits));
  app.route('/api/v1/llm', llmProviderRoutes(registry, limits));
  app.route('/api/v1/llm', llmRoutes(registry));
  app.route('/api/v1/stream', streamRoutes(registry, { shutdown: options.shutdown }));
  app.route('/api/v1', exportRoutes(registry, limits.schemaBytes));
  app.route('/api/v1', authRoutes(registry));

  app.get('/docs/init.js', (c) =>
    c.body(DOCS_INIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/docs/:asset', async (c) => {
    const asset = readDocsAsset(c.req.param('asset'));
    if (!asset) return c.notFound();
    return c.body(await asset.body, 200, {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=86400',
    });
  });

  // Last: the Confluent API owns the root paths it knows.
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

/** The socket's remote address; requests built in-process (tests) have none. */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
