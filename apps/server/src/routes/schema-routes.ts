import type { Registry } from '@llmsr/core';
import { Hono } from 'hono';
import {
  optionalBoolean,
  optionalPositiveInteger,
  optionalString,
  requiredString,
} from '../body-fields.js';
import { readJsonObject } from '../read-json-body.js';
import type { BodyLimits } from '../server-options.js';
import { toSchemaResponse, toVersionResponse } from '../to-schema-response.js';

/** `POST /api/v1/schemas` (register) and `GET /api/v1/schemas/:id`. */
export function schemaRoutes(registry: Registry, limits: BodyLimits): Hono {
  const app = new Hono();

  app.post('/', async (c) => {
    const body = await readJsonObject(c, limits.schemaBytes);
    const result = await registry.schemas.register({
      subject: requiredString(body, 'subject'),
      schema: body.schema,
      schemaType: optionalString(body, 'schema_type'),
      compatibilityLevel: optionalString(body, 'compatibility_level'),
      metadata: body.metadata,
      references: body.references,
      semver: optionalString(body, 'version'),
      createdBy: optionalString(body, 'created_by') ?? c.req.header('x-llmsr-user'),
      id: optionalPositiveInteger(body, 'id'),
      version: optionalPositiveInteger(body, 'version_number'),
      normalize: optionalBoolean(body, 'normalize'),
    });
    return c.json(
      { ...toVersionResponse(result.version), created: result.created },
      result.created ? 201 : 200,
    );
  });

  app.get('/:id', async (c) => {
    const view = await registry.schemas.getOrThrow(c.req.param('id'));
    return c.json(toSchemaResponse(view));
  });

  return app;
}
