import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from '@llmsr/core';
import { flagQuery, integerQuery, jsonValueQuery, SearchPage, textQuery } from '@llmsr/spec/rest';
import { z } from 'zod';
import { visiblePage } from '../auth/visible-page.js';
import { addRoute } from '../openapi/add-route.js';
import { createRouteApp } from '../openapi/create-route-app.js';
import { errorResponses } from '../openapi/error-responses.js';
import { jsonContent } from '../openapi/json-content.js';
import { toVersionResponse } from '../to-schema-response.js';

const search = createRoute({
  method: 'get',
  path: '/',
  operationId: 'searchSchemas',
  tags: ['Schemas'],
  summary: 'Search subject, description and tags, by relevance then recency',
  request: {
    query: z.object({
      q: textQuery('Words to look for', 500),
      schema_type: textQuery('JSON, AVRO or PROTOBUF'),
      metadata_key: textQuery('Versions whose metadata has this key'),
      metadata_value: jsonValueQuery(
        'With metadata_key: the value, as JSON when it parses, else as text',
      ),
      deleted: flagQuery('Include soft-deleted versions'),
      limit: integerQuery('Page size (default 100)'),
      offset: integerQuery('Items to skip (default 0)'),
    }),
  },
  responses: {
    200: { description: 'A page of hits', content: jsonContent(SearchPage) },
    ...errorResponses(400),
  },
});

/** `GET /api/v1/search`: text over subject, description and tags, by relevance then recency. */
export function searchRoutes(registry: Registry): OpenAPIHono {
  const app = createRouteApp();

  addRoute(
    app,
    search,
    async (c) => {
      const query = c.req.valid('query');
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      const result = await registry.schemas.search({
        query: query.q,
        schemaType: query.schema_type,
        metadataKey: query.metadata_key,
        metadataValue: query.metadata_value,
        includeDeleted: query.deleted,
        limit,
        offset,
      });
      const { total, items: hits } = visiblePage(registry, c, result);
      return c.json(
        {
          total,
          limit,
          offset,
          items: hits.map((hit) => ({ ...toVersionResponse(hit), score: hit.score })),
        },
        200,
      );
    },
    { access: { action: 'schema.read' } },
  );

  return app;
}
