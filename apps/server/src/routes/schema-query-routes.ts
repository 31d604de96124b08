import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import { queryFlag } from '../body-fields.js';
import { toVersionResponse } from '../to-schema-response.js';
import { queryInteger, queryJsonValue, queryText } from './query-params.js';

/**
 * Read-only schema routes under `/api/v1/schemas`: the filtered listing, the versions using a
 * schema, and its dependencies and dependents.
 */
export function schemaQueryRoutes(registry: Registry): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const limit = queryInteger(c.req.query('limit'), 'limit') ?? 100;
    const offset = queryInteger(c.req.query('offset'), 'offset') ?? 0;
    const result = await registry.schemas.find({
      subject: queryText(c.req.query('subject'), 'subject'),
      schemaType: queryText(c.req.query('schema_type'), 'schema_type'),
      metadataKey: queryText(c.req.query('metadata_key'), 'metadata_key'),
      metadataValue: queryJsonValue(c.req.query('metadata_value'), 'metadata_value'),
      tag: queryText(c.req.query('tag'), 'tag'),
      includeDeleted: queryFlag(c.req.query('deleted')),
      limit,
      offset,
    });
    return c.json({
      total: result.total,
      limit,
      offset,
      items: result.items.map(toVersionResponse),
    });
  });

  app.get('/:id/versions', async (c) => {
    const versions = await registry.schemas.versions(c.req.param('id'), {
      includeDeleted: queryFlag(c.req.query('deleted')),
    });
    return c.json(versions.map(toVersionResponse));
  });

  app.get('/:id/versions/:version', async (c) => {
    const view = await registry.schemas.getVersion(c.req.param('id'), c.req.param('version'), {
      subject: queryText(c.req.query('subject'), 'subject'),
      includeDeleted: queryFlag(c.req.query('deleted')),
    });
    return c.json(toVersionResponse(view));
  });

  app.get('/:id/dependencies', async (c) => {
    const dependencies = await registry.schemas.dependencies(c.req.param('id'));
    return c.json(
      dependencies.map((d) => ({
        name: d.name,
        subject: d.subject,
        version: d.version,
        schema_id: d.schemaId,
      })),
    );
  });

  app.get('/:id/dependents', async (c) => {
    const dependents = await registry.schemas.dependents(c.req.param('id'), {
      includeDeleted: queryFlag(c.req.query('deleted')),
    });
    return c.json(
      dependents.map((d) => ({
        subject: d.subject,
        version: d.version,
        schema_id: d.schemaId,
        references: d.references,
      })),
    );
  });

  return app;
}
