import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import { queryFlag } from '../body-fields.js';
import { toVersionResponse } from '../to-schema-response.js';
import { queryInteger, queryJsonValue, queryText } from './query-params.js';

/** `GET /api/v1/search`: text over subject, description and tags, by relevance then recency. */
export function searchRoutes(registry: Registry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const limit = queryInteger(c.req.query('limit'), 'limit') ?? 100;
    const offset = queryInteger(c.req.query('offset'), 'offset') ?? 0;
    const result = await registry.schemas.search({
      query: queryText(c.req.query('q'), 'q', 500),
      schemaType: queryText(c.req.query('schema_type'), 'schema_type'),
      metadataKey: queryText(c.req.query('metadata_key'), 'metadata_key'),
      metadataValue: queryJsonValue(c.req.query('metadata_value'), 'metadata_value'),
      includeDeleted: queryFlag(c.req.query('deleted')),
      limit,
      offset,
    });
    return c.json({
      total: result.total,
      limit,
      offset,
      items: result.items.map((hit) => ({ ...toVersionResponse(hit), score: hit.score })),
    });
  });

  return app;
}
